namespace CoachBot.Core.State;

/// <summary>Where the coach can reach people later (proactive messages): one record per conversation.</summary>
/// <param name="ConversationKey">Unique key, <c>{channelId}:{conversationId}</c>.</param>
/// <param name="ChannelId">The channel id (<c>msteams</c>, <c>slack</c>, …).</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="ConversationType">personal, channel or groupChat (when the channel says).</param>
/// <param name="ServiceUrl">The channel's service URL (it can change; refreshed on every message).</param>
/// <param name="TenantId">Teams tenant id, when present.</param>
/// <param name="UserKey">For personal conversations, the learner (<c>{channelId}:{userId}</c>).</param>
/// <param name="ReferenceJson">The channel's serialized conversation reference.</param>
/// <param name="Active">False once the bot was removed or blocked.</param>
/// <param name="UpdatedAt">Last refresh.</param>
public sealed record ConversationRecord(
    string ConversationKey,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string ServiceUrl,
    string? TenantId,
    string? UserKey,
    string ReferenceJson,
    bool Active,
    DateTimeOffset UpdatedAt);

/// <summary>Durable storage of conversation records.</summary>
public interface IConversationStore
{
    /// <summary>Inserts or refreshes a record.</summary>
    Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken = default);

    /// <summary>A record by key, or <c>null</c>.</summary>
    Task<ConversationRecord?> GetAsync(string conversationKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes every record whose <see cref="ConversationRecord.UserKey"/> is <paramref name="userKey"/>.</summary>
    Task<int> DeleteForUserAsync(string userKey, CancellationToken cancellationToken = default);
}
