namespace CoachBot.Core.Practice;

/// <summary>One normalised incoming chat message, independent of the channel it came from.</summary>
/// <param name="UserKey">Stable learner key, <c>{channelId}:{userId}</c>.</param>
/// <param name="ChannelId">The channel (<c>msteams</c>, <c>slack</c>, <c>emulator</c>, <c>terminal</c>, …).</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="UserName">Display name, when the channel sends one.</param>
/// <param name="Text">The text with mentions stripped and whitespace trimmed (may be empty).</param>
/// <param name="MessageId">The channel's message id, used to re-grade edits.</param>
/// <param name="HasAttachments">True when the message carried files or images.</param>
public sealed record ChatTurn(string UserKey, string ChannelId, string ConversationId, string? UserName, string Text, string? MessageId, bool HasAttachments = false)
{
    /// <summary>The author's channel user id (Teams <c>29:…</c>, Slack <c>U…</c>), for the admin check and the audit log.</summary>
    public string? UserId { get; init; }

    /// <summary>The author's Teams AAD object id, when the channel sends one (admins are often configured by it).</summary>
    public string? UserAadObjectId { get; init; }

    /// <summary>The files attached to the message (not the Teams HTML copy of the text, not cards).</summary>
    public IReadOnlyList<ChatAttachment> Attachments { get; init; } = [];

    /// <summary>The users @mentioned in the message, the bot itself excluded (their mention text is stripped from <see cref="Text"/>).</summary>
    public IReadOnlyList<ChatMention> Mentions { get; init; } = [];

    /// <summary>The ids the admin check looks at: the channel user id and the AAD object id.</summary>
    public IReadOnlyList<string?> AdminIds => [UserId, UserAadObjectId];
}
