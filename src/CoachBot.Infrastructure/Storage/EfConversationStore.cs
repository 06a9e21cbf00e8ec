using CoachBot.Core.State;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary><see cref="IConversationStore"/> on EF Core. Thread-safe (register as a singleton).</summary>
/// <param name="contexts">The context factory.</param>
public sealed class EfConversationStore(IDbContextFactory<CoachBotDbContext> contexts) : IConversationStore
{
    /// <inheritdoc />
    public Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return contexts.UpsertAsync(
            (db, ct) => db.Conversations.FirstOrDefaultAsync(c => c.ConversationKey == record.ConversationKey, ct),
            () => new ConversationEntity { ConversationKey = record.ConversationKey },
            row =>
            {
                row.ChannelId = record.ChannelId;
                row.ConversationId = record.ConversationId;
                row.ConversationType = record.ConversationType;
                row.ServiceUrl = record.ServiceUrl;
                row.TenantId = record.TenantId;
                row.UserKey = record.UserKey;
                row.ReferenceJson = record.ReferenceJson;
                row.Active = record.Active;
                row.UpdatedAt = record.UpdatedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConversationRecord?> GetAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationKey == conversationKey, cancellationToken);
        return row is null
            ? null
            : new ConversationRecord(row.ConversationKey, row.ChannelId, row.ConversationId, row.ConversationType, row.ServiceUrl,
                row.TenantId, row.UserKey, row.ReferenceJson, row.Active, row.UpdatedAt);
    }

    /// <inheritdoc />
    public async Task<int> DeleteForUserAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.Where(c => c.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }
}
