using CoachBot.Core.Practice;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Adapter;

/// <summary>
/// The HTTP adapter. A subclass (rather than registering <see cref="CloudAdapter"/> directly) because
/// CloudAdapter has two public constructors that DI finds ambiguous, and because the turn-error policy
/// belongs here: log with the exception, tell the user one friendly sentence, never a stack trace.
/// </summary>
public sealed partial class CoachBotAdapter : CloudAdapter
{
    /// <summary>Creates the adapter.</summary>
    public CoachBotAdapter(BotFrameworkAuthentication auth, ILogger<CoachBotAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity?.Type, turnContext.Activity?.ChannelId);
            await TurnErrors.TellUserAsync(turnContext, logger);
        };
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on channel {ChannelId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId);
}

/// <summary>Sends the friendly "something went wrong" message; shared by every adapter.</summary>
internal static partial class TurnErrors
{
    public static async Task TellUserAsync(ITurnContext turnContext, ILogger logger)
    {
        if (turnContext.Activity?.Type != Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            return; // nobody typed anything: don't surprise people with an error message
        }

        try
        {
            await turnContext.SendActivityAsync(PracticeMessages.SomethingWentWrong().ToPlainText());
        }
#pragma warning disable CA1031 // the error path must never throw: the original exception is already logged
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogErrorReplyFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Could not tell the user about a failed turn")]
    private static partial void LogErrorReplyFailed(ILogger logger, Exception exception);
}
