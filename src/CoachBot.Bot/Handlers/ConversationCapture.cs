using CoachBot.Core.State;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// Keeps a durable record of every conversation the bot is in (for proactive messages later),
/// refreshed from every message, since service URLs change.
/// </summary>
public sealed class ConversationCapture(IConversationStore store, TimeProvider time)
{
    /// <summary>Upserts the conversation record for message, conversationUpdate and installationUpdate activities.</summary>
    public async Task CaptureAsync(IActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)
            || activity.Conversation?.Id is not { Length: > 0 } conversationId
            || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        var reference = activity.GetConversationReference();
        var personal = !TurnNormalizer.IsGroupConversation(activity);
        await store.UpsertAsync(
            new ConversationRecord(
                $"{activity.ChannelId}:{conversationId}",
                activity.ChannelId ?? "unknown",
                conversationId,
                activity.Conversation.ConversationType ?? (personal ? "personal" : null),
                activity.ServiceUrl,
                activity.Conversation.TenantId,
                personal && activity.From is not null ? TurnNormalizer.UserKey(activity) : null,
                JsonConvert.SerializeObject(reference),
                Active: true,
                time.GetUtcNow()),
            cancellationToken);
    }
}

/// <summary>"forget me" deletes the learner's conversation records too.</summary>
public sealed class ConversationRecordEraser(IConversationStore store) : Core.Practice.ILearnerDataEraser
{
    /// <inheritdoc />
    public Task<int> EraseAsync(Core.Practice.ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return store.DeleteForUserAsync(turn.UserKey, cancellationToken);
    }
}
