using CoachBot.Core.Messages;

namespace CoachBot.Core.Channels;

/// <summary>How a send ended.</summary>
public enum SendOutcome
{
    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>The platform refused for good (403, e.g. Teams' MessageWritesBlocked, or the bot was removed): the place is marked inactive.</summary>
    Blocked,

    /// <summary>Gave up after bounded retries (throttling or server errors); may be retried later.</summary>
    Failed,
}

/// <summary>The result of one send.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ThreadId">
/// For a new post: the conversation id replies to it arrive on (Teams channel: <c>{channel};messageid={id}</c>;
/// group chats and Slack: the place's conversation id). Otherwise the conversation sent to.
/// </param>
/// <param name="ActivityId">The sent activity's id, when the platform returned one (Slack: the message's <c>ts</c>).</param>
/// <param name="Error">A short reason when not sent (no user text).</param>
public sealed record SendResult(SendOutcome Outcome, string? ThreadId, string? ActivityId, string? Error)
{
    /// <summary>A successful send.</summary>
    public static SendResult Ok(string? threadId, string? activityId) => new(SendOutcome.Sent, threadId, activityId, null);
}

/// <summary>
/// Sends to study places and their members outside a turn (implemented by the bot layer). Every send goes
/// through one sender that keeps to the platforms' rate limits and retries throttling with backoff.
/// </summary>
public interface IChannelMessenger
{
    /// <summary>Starts a new post in the place (a new thread in a Teams channel; a channel message on Slack).</summary>
    Task<SendResult> PostAsync(StudyPlace place, CoachMessage message, CancellationToken cancellationToken = default);

    /// <summary>Replies in an existing thread of the place.</summary>
    Task<SendResult> ReplyInThreadAsync(StudyPlace place, string threadId, CoachMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends to one member privately (the bot's 1:1 conversation with them, created when needed).</summary>
    Task<SendResult> SendPrivateAsync(StudyPlace place, string userId, string? userName, CoachMessage message, CancellationToken cancellationToken = default);
}
