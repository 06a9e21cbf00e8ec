namespace CoachBot.Core.Channels;

/// <summary>One message in a shared place, normalised by the bot layer (mentions stripped, channel detected).</summary>
/// <param name="Place">The place, as captured from this activity.</param>
/// <param name="ConversationId">The activity's full conversation id (a Teams thread carries <c>;messageid=…</c>).</param>
/// <param name="UserId">The author's channel user id.</param>
/// <param name="UserAadObjectId">The author's Teams AAD object id, when present.</param>
/// <param name="UserName">The author's display name.</param>
/// <param name="Text">The text (mentions of the bot removed, trimmed).</param>
/// <param name="MessageId">The activity id (kept on edits).</param>
/// <param name="MentionsBot">True when the bot was @mentioned (channel commands need a mention on Teams).</param>
/// <param name="ThreadKey">
/// The platform's id of the thread the message was posted in, where the conversation id does not carry it: on Slack
/// the parent message's <c>ts</c> (the event's <c>thread_ts</c>). <c>null</c> for a top-level message and on Teams.
/// </param>
public sealed record ChannelTurn(
    StudyPlace Place,
    string ConversationId,
    string UserId,
    string? UserAadObjectId,
    string? UserName,
    string Text,
    string? MessageId,
    bool MentionsBot,
    string? ThreadKey = null)
{
    /// <summary>The author's learner key, <c>{channelId}:{userId}</c>, the same as in 1:1 chat.</summary>
    public string UserKey => $"{Place.ChannelId}:{UserId}";

    /// <summary>The member as an admin actor (audit log, schedules' creator).</summary>
    public Admin.AdminActor Actor() => new(UserId, UserName, Admin.AdminVia.Chat);
}
