using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Terminal;

/// <summary>
/// An in-process adapter for the terminal chat: each typed line becomes a message activity on channel
/// <c>terminal</c> and runs through the same bot, storage and grader as HTTP turns; replies are written
/// as text.
/// </summary>
public sealed partial class TerminalAdapter : BotAdapter
{
    /// <summary>The channel id of terminal turns.</summary>
    public const string ChannelId = "terminal";

    private readonly TextWriter _output;
    private readonly ConversationAccount _conversation;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _bot = new("coachbot", "CoachBot");

    /// <summary>Creates the adapter for one local user.</summary>
    public TerminalAdapter(TextWriter output, string userId, ILogger<TerminalAdapter> logger)
    {
        _output = output;
        _user = new ChannelAccount(userId, userId);
        _conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: $"terminal-{userId}");
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception);
            await Adapter.TurnErrors.TellUserAsync(turnContext, logger);
        };
    }

    /// <summary>Starts the conversation (the bot sees the user join, as on install).</summary>
    public Task StartAsync(IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var activity = NewActivity(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [_user];
        return RunAsync(activity, bot, cancellationToken);
    }

    /// <summary>Sends one typed line to the bot.</summary>
    public Task SendAsync(string text, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var activity = NewActivity(ActivityTypes.Message);
        activity.Text = text;
        return RunAsync(activity, bot, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            await _output.WriteLineAsync(activity.Text ?? activity.Summary ?? string.Empty);
            await _output.WriteLineAsync();
            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        await _output.FlushAsync(cancellationToken);
        return [.. responses];
    }

    /// <inheritdoc />
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The terminal cannot edit sent messages.");

    /// <inheritdoc />
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The terminal cannot delete sent messages.");

    private async Task RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelId,
        ServiceUrl = "terminal://local",
        Conversation = _conversation,
        From = _user,
        Recipient = _bot,
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "en-US",
    };

    [LoggerMessage(EventId = 2200, Level = LogLevel.Error, Message = "Terminal turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
