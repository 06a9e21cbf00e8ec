using CoachBot.Bot.Rendering;
using CoachBot.Bot.State;
using CoachBot.Bot.Terminal;
using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;
using CoachBot.Core.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// The bot. It only normalises each turn (mentions stripped, button data read as the command, channel
/// detected), hands it to the routing table, renders the replies for the channel and saves state.
/// The practice flow itself lives in Core.
/// </summary>
public sealed partial class CoachActivityHandler(
    ConversationState conversationState,
    ChatCommandRouter router,
    PracticeService practice,
    ChannelRenderers renderers,
    ConversationCapture capture,
    AttachmentReader attachments,
    SlowReplyDelivery slowReplies,
    StudyChannelService channels,
    QuizService quizzes,
    PlaceTracker places,
    TurnTelemetry telemetry,
    ILogger<CoachActivityHandler> logger) : TeamsActivityHandler
{
    private const string ForgottenKey = "coachbot.forgotten";

    /// <summary>How many times a turn saves its state when other writers keep winning the eTag race.</summary>
    private const int MaxSaveAttempts = 8;
    private readonly IStatePropertyAccessor<CoachConversationState> _state =
        conversationState.CreateProperty<CoachConversationState>(nameof(CoachConversationState));

    /// <inheritdoc />
    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return telemetry.MeasureAsync(turnContext, () => HandleTurnAsync(turnContext, cancellationToken));
    }

    private async Task HandleTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await capture.CaptureAsync(turnContext.Activity, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
        if (!turnContext.TurnState.ContainsKey(ForgottenKey))
        {
            await SaveStateAsync(turnContext, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turnContext, () => new CoachConversationState(), cancellationToken);
        if (!state.TryRecord(turnContext.Activity.Id))
        {
            LogDuplicate(logger, turnContext.Activity.ChannelId);
            TurnTelemetry.MarkDuplicate(turnContext);
            return; // a redelivery of something already answered
        }

        await _state.SetAsync(turnContext, state, cancellationToken);

        if (TurnNormalizer.IsGroupConversation(turnContext.Activity))
        {
            // An answer in a shared place is graded too: it must not hold the request, and says nothing there while it waits.
            var place = await places.CaptureAsync(turnContext.Activity, reactivate: false, cancellationToken);
            var channelTurn = PlaceNormalizer.ToChannelTurn(turnContext.Activity, place);
            await SendAsync(turnContext, await RunGradingAsync(turnContext, ct => channels.HandleMessageAsync(channelTurn, ct), quiet: true, cancellationToken), cancellationToken);
            return;
        }

        var turn = TurnNormalizer.ToChatTurn(turnContext.Activity) with { Attachments = attachments.Describe(turnContext.Activity) };
        var command = router.Match(turn.Text);
        if (command is null)
        {
            // An answer (to an open quiz question first, else to practice): an LLM grade may be slow, so it must not hold the request.
            await SendAsync(turnContext, await RunGradingAsync(turnContext, async ct =>
                await quizzes.TryAnswerAsync(turn.UserKey, turn.Text, ct) is { } receipt ? [receipt] : await router.RouteAsync(turn, ct), quiet: false, cancellationToken), cancellationToken);
            return;
        }

        var replies = await router.RouteAsync(turn, cancellationToken);
        if (command is ForgetMeConfirmCommand)
        {
            await conversationState.DeleteAsync(turnContext, cancellationToken);
            turnContext.TurnState[ForgottenKey] = true;
        }

        await SendAsync(turnContext, replies, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMessageUpdateActivityAsync(ITurnContext<IMessageUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Covers Teams' "editMessage" and every other channel's messageUpdate: only the latest answer is re-graded.
        if (TurnNormalizer.IsGroupConversation(turnContext.Activity))
        {
            var place = await places.CaptureAsync(turnContext.Activity, reactivate: false, cancellationToken);
            var channelTurn = PlaceNormalizer.ToChannelTurn(turnContext.Activity, place);
            await SendAsync(turnContext, await RunGradingAsync(turnContext, ct => channels.HandleEditAsync(channelTurn, ct), quiet: true, cancellationToken), cancellationToken);
            return;
        }

        var turn = TurnNormalizer.ToChatTurn(turnContext.Activity);
        var replies = await RunGradingAsync(
            turnContext,
            async ct => await practice.RegradeAsync(turn, ct) is { } reply ? [reply] : [],
            quiet: false,
            cancellationToken);
        await SendAsync(turnContext, replies, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Handled directly rather than through TeamsActivityHandler's dispatch, which fetches every added
        // member's profile from the connector first: CoachBot needs only "someone who is not me joined",
        // the bot's own removal and the Teams channel and team events that change its places.
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!await places.TryHandleConversationUpdateAsync(turnContext.Activity, cancellationToken) && turnContext.Activity.MembersAdded is { Count: > 0 } added)
        {
            await OnMembersAddedAsync(added, turnContext, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return TurnNormalizer.IsGroupConversation(turnContext.Activity) ? places.RemovedAsync(turnContext.Activity, cancellationToken) : Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var recipientId = turnContext.Activity.Recipient?.Id;
        var group = TurnNormalizer.IsGroupConversation(turnContext.Activity);
        if (group ? membersAdded.Any(m => m.Id == recipientId) : membersAdded.Any(m => m.Id != recipientId))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken); // 1:1: the user joined; shared place: the bot was added
        }
    }

    /// <inheritdoc />
    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var group = TurnNormalizer.IsGroupConversation(turnContext.Activity);
        if (group)
        {
            await places.InstalledAsync(turnContext.Activity, cancellationToken);
        }

        var state = await _state.GetAsync(turnContext, () => new CoachConversationState(), cancellationToken);
        if (state.Welcomed)
        {
            return;
        }

        state.Welcomed = true;
        await _state.SetAsync(turnContext, state, cancellationToken);
        await SendAsync(turnContext, [group ? StudyChannelService.InstalledMessage : await practice.WelcomeAsync(cancellationToken)], cancellationToken);
    }

    // quiet: in shared places, no typing indicator and no "feedback follows" there (see SlowReplyDelivery).
    private Task<IReadOnlyList<CoachMessage>> RunGradingAsync(
        ITurnContext turnContext, Func<CancellationToken, Task<IReadOnlyList<CoachMessage>>> work, bool quiet, CancellationToken cancellationToken) =>
        turnContext.Adapter is TerminalAdapter
            ? work(cancellationToken) // the terminal user simply waits; nothing times out there
            : slowReplies.RunAsync(turnContext, work, quiet, cancellationToken);

    private async Task SendAsync(ITurnContext turnContext, IReadOnlyCollection<CoachMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var renderer = renderers.For(turnContext.Activity.ChannelId);
        var activities = messages.Select(m => (IActivity)renderer.Render(m)).ToArray();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);
    }

    private async Task SaveStateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
                return;
            }
            catch (StateConflictException) when (attempt >= MaxSaveAttempts)
            {
                // Many turns of one conversation at once (a busy thread) kept winning: the replies are sent already, and
                // all this state guards is redeliveries, so losing this turn's id is better than an error for the user.
                LogStateNotSaved(logger, turnContext.Activity.ChannelId, attempt);
                return;
            }
            catch (StateConflictException)
            {
#pragma warning disable CA5394 // jitter, not security
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken); // let the racers spread out
#pragma warning restore CA5394
                // Another instance or turn wrote this conversation's state first. Our only state is the
                // redelivery guard and the welcome flag: reload theirs, re-apply ours, save once more.
                var mine = await _state.GetAsync(turnContext, () => new CoachConversationState(), cancellationToken);
                await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                var theirs = await _state.GetAsync(turnContext, () => new CoachConversationState(), cancellationToken);
                foreach (var id in mine.RecentActivityIds)
                {
                    theirs.TryRecord(id);
                }

                theirs.Welcomed |= mine.Welcomed;

                // The accessor hands out a copy of the reloaded state: only what is set back is saved.
                await _state.SetAsync(turnContext, theirs, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Ignored a redelivered activity on channel {ChannelId}")]
    private static partial void LogDuplicate(ILogger logger, string channelId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Conversation state on channel {ChannelId} not saved after {Attempts} attempts: other turns kept writing it first")]
    private static partial void LogStateNotSaved(ILogger logger, string channelId, int attempts);
}
