using System.Collections.Concurrent;
using System.Security.Claims;
using CoachBot.Bot.ChannelSending;
using CoachBot.Bot.Diagnostics;
using CoachBot.Bot.Rendering;
using CoachBot.Core.Channels;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// Keeps slow work (an LLM grade) from holding the Bot Framework request. The work starts detached from
/// the request; after <see cref="GradingOptions.TypingAfter"/> the user sees a typing indicator, and if
/// the replies are not ready by <see cref="GradingOptions.ReplyDeadline"/> the turn answers "feedback
/// follows" and the replies are sent later as a proactive message to the same conversation. In a shared place
/// (quiet mode) the turn shows nothing while it waits: no typing indicator, no "feedback follows".
/// On shutdown, pending deliveries are given the host's shutdown timeout to finish; work still running then is
/// cancelled and dropped quietly. Each delivery is a <c>coachbot.send</c> span and counts in <c>coachbot.deliveries</c>
/// as kind <see cref="DeliveryKind"/>.
/// </summary>
public sealed partial class SlowReplyDelivery(
    IOptions<GradingOptions> options,
    ChannelRenderers renderers,
    DeliveryMetrics deliveries,
    TimeProvider time,
    ILogger<SlowReplyDelivery> logger) : IHostedService, IDisposable
{
    /// <summary>The delivery kind of deferred replies in metrics and spans.</summary>
    public const string DeliveryKind = "deferred-reply";

    private readonly GradingOptions _options = options.Value;
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Deliveries still in flight (for tests and shutdown).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>
    /// Runs <paramref name="work"/> and returns its replies when they are ready within the deadline;
    /// otherwise tells the user the feedback follows, schedules the proactive delivery, and returns that one message.
    /// </summary>
    public Task<IReadOnlyList<CoachMessage>> RunAsync(
        ITurnContext turnContext, Func<CancellationToken, Task<IReadOnlyList<CoachMessage>>> work, CancellationToken cancellationToken) =>
        RunAsync(turnContext, work, quiet: false, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> and returns its replies when they are ready within the deadline; otherwise
    /// schedules the proactive delivery of whatever replies the work produces, to the same conversation (a Teams
    /// channel thread stays the thread).
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="work">The work; it gets a token that is cancelled only when shutdown gives up on it.</param>
    /// <param name="quiet">
    /// For shared places (channels, group chats): no typing indicator and no "feedback follows" while the turn waits,
    /// and an empty list when the deadline passes. Otherwise (1:1) typing after <see cref="GradingOptions.TypingAfter"/>
    /// and "feedback follows" at the deadline.
    /// </param>
    /// <param name="cancellationToken">The request's token (only the waiting is cancelled, not the work).</param>
    public async Task<IReadOnlyList<CoachMessage>> RunAsync(
        ITurnContext turnContext, Func<CancellationToken, Task<IReadOnlyList<CoachMessage>>> work, bool quiet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(work);

        // Detached from the request: Teams and Slack stop waiting long before a slow grade is done.
        var task = work(_stopping.Token);
        var typingAfter = quiet || _options.TypingAfter > _options.ReplyDeadline ? _options.ReplyDeadline : _options.TypingAfter;
        if (await CompletesWithinAsync(task, typingAfter, cancellationToken))
        {
            return await task;
        }

        if (!quiet)
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
            if (await CompletesWithinAsync(task, _options.ReplyDeadline - typingAfter, cancellationToken))
            {
                return await task;
            }
        }

        var reference = turnContext.Activity.GetConversationReference();
        var identity = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey);
        var adapter = turnContext.Adapter;
        Track(DeliverLaterAsync(task, adapter, identity, reference));
        LogDeferred(logger, reference.ChannelId);
        return quiet ? [] : [PracticeMessages.FeedbackFollows()];
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let in-flight grades finish and be delivered; give up when the host's shutdown timeout ends.
        try
        {
            await Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(logger, _pending.Count);
            await _stopping.CancelAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task<bool> CompletesWithinAsync(Task task, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || wait <= TimeSpan.Zero)
        {
            return task.IsCompleted;
        }

        var delay = Task.Delay(wait, time, cancellationToken);
        return await Task.WhenAny(task, delay) == task;
    }

    private void Track(Task delivery)
    {
        _pending.TryAdd(delivery, 0);
        _ = delivery.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverLaterAsync(
        Task<IReadOnlyList<CoachMessage>> work, BotAdapter adapter, ClaimsIdentity? identity, ConversationReference reference)
    {
        IReadOnlyList<CoachMessage> replies;
        try
        {
            replies = await work;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return; // shutdown gave up on it (StopAsync logged how many): nobody is left to tell
        }
#pragma warning disable CA1031 // a failed background grade must still be answered, never crash the process
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWorkFailed(logger, ex);
            replies = [PracticeMessages.SomethingWentWrong()];
        }

        if (replies.Count == 0)
        {
            LogNothingToDeliver(logger, reference.ChannelId); // e.g. a channel answer whose feedback went privately
            return;
        }

        using var span = SendTelemetry.StartSpan(ChannelTag.For(reference.ChannelId), DeliveryKind);
        try
        {
            var renderer = renderers.For(reference.ChannelId);
            var activities = replies.Select(m => (IActivity)renderer.Render(m)).ToArray();
            BotCallbackHandler send = (tc, ct) => tc.SendActivitiesAsync(activities, ct);

            // CloudAdapter turns carry the caller's identity (it decides the connector's audience); adapters
            // without authentication (tests, in-process) only implement the bot-id overload.
            await (identity is not null
                ? adapter.ContinueConversationAsync(identity, reference, send, _stopping.Token)
                : adapter.ContinueConversationAsync(reference.Bot?.Id ?? string.Empty, reference, send, _stopping.Token));
            SendTelemetry.Ended(span, "sent", 1);
            deliveries.Ended(DeliveryKind, SendOutcome.Sent);
            LogDelivered(logger, reference.ChannelId, activities.Length);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            SendTelemetry.Ended(span, "cancelled", 1);
        }
#pragma warning disable CA1031 // the conversation may be gone (uninstalled, blocked): log and move on
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SendTelemetry.Ended(span, "failed", 1);
            deliveries.Ended(DeliveryKind, SendOutcome.Failed);
            LogDeliveryFailed(logger, reference.ChannelId, ex);
        }
    }

    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Replies not ready by the deadline on channel {ChannelId}: answered the turn, delivering them proactively")]
    private static partial void LogDeferred(ILogger logger, string channelId);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Delivered {Count} deferred replies on channel {ChannelId}")]
    private static partial void LogDelivered(ILogger logger, string channelId, int count);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Deferred work failed; the user is told something went wrong")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Could not deliver deferred replies on channel {ChannelId}")]
    private static partial void LogDeliveryFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Count} deferred deliveries still pending")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Debug, Message = "Deferred work on channel {ChannelId} finished with nothing to send in the conversation")]
    private static partial void LogNothingToDeliver(ILogger logger, string channelId);
}
