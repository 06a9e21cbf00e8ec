using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.ChannelSending;

/// <summary>The channel sender's log messages (event ids 24xx). Never the message text: only channel, kind and status.</summary>
internal static partial class ChannelSendingLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Debug, Message = "Sent {Operation} on channel {ChannelId}")]
    public static partial void Sent(ILogger logger, string operation, string channelId);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Send attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "{Operation} on channel {ChannelId} refused for good ({Reason}): the place is blocked or gone")]
    public static partial void Blocked(ILogger logger, string operation, string channelId, string reason);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "{Operation} on channel {ChannelId} failed ({Reason})")]
    public static partial void Failed(ILogger logger, string operation, string channelId, string reason, Exception exception);
}
