namespace CoachBot.Core.Admin;

/// <summary>Writes and reads the audit log of admin changes (who, what, when, set versions before and after).</summary>
public sealed class AuditLog(IAdminStore store, TimeProvider time)
{
    /// <summary>The most entries one read returns.</summary>
    public const int MaxPage = 200;

    /// <summary>Records one change.</summary>
    public Task RecordAsync(
        AdminActor actor, string action, string target, int? beforeVersion, int? afterVersion, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.AppendAuditAsync(
            new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), actor.Id, actor.Name, actor.Via, action, target, beforeVersion, afterVersion, detail),
            cancellationToken);
    }

    /// <summary>Entries newest first; <paramref name="take"/> is clamped to 1–<see cref="MaxPage"/>.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int skip = 0, int take = 50, string? targetPrefix = null, CancellationToken cancellationToken = default) =>
        store.GetAuditAsync(Math.Max(0, skip), Math.Clamp(take, 1, MaxPage), string.IsNullOrWhiteSpace(targetPrefix) ? null : targetPrefix.Trim(), cancellationToken);
}
