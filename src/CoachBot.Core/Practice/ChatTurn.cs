namespace CoachBot.Core.Practice;

/// <summary>One normalised incoming chat message, independent of the channel it came from.</summary>
/// <param name="UserKey">Stable learner key, <c>{channelId}:{userId}</c>.</param>
/// <param name="ChannelId">The channel (<c>msteams</c>, <c>slack</c>, <c>emulator</c>, <c>terminal</c>, …).</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="UserName">Display name, when the channel sends one.</param>
/// <param name="Text">The text with mentions stripped and whitespace trimmed (may be empty).</param>
/// <param name="MessageId">The channel's message id, used to re-grade edits.</param>
/// <param name="HasAttachments">True when the message carried files or images.</param>
public sealed record ChatTurn(string UserKey, string ChannelId, string ConversationId, string? UserName, string Text, string? MessageId, bool HasAttachments = false);
