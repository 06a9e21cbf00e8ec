namespace CoachBot.Core.Admin;

/// <summary>Durable storage of admin grants, the audit log, API keys and set assignments (infrastructure layer).</summary>
public interface IAdminStore
{
    /// <summary>Every granted admin, oldest first.</summary>
    Task<IReadOnlyList<AdminGrant>> GetGrantsAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the user holds a grant (ordinal, ignoring case).</summary>
    Task<bool> IsGrantedAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Adds a grant; false when the user already has one.</summary>
    Task<bool> AddGrantAsync(AdminGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Removes a grant; false when there was none.</summary>
    Task<bool> RemoveGrantAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Appends an audit entry.</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Audit entries, newest first, optionally only those whose target starts with <paramref name="targetPrefix"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int skip, int take, string? targetPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a new API key record.</summary>
    Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>Every API key record (revoked ones included), oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> GetApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks a key revoked; false when it does not exist or was revoked already.</summary>
    Task<bool> RevokeApiKeyAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the set chosen for a scope and key.</summary>
    Task SetAssignmentAsync(SetAssignment assignment, CancellationToken cancellationToken = default);

    /// <summary>Removes the assignment of a scope and key; false when there was none.</summary>
    Task<bool> RemoveAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default);

    /// <summary>The assignment of a scope and key, or <c>null</c>.</summary>
    Task<SetAssignment?> GetAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Every assignment.</summary>
    Task<IReadOnlyList<SetAssignment>> GetAssignmentsAsync(CancellationToken cancellationToken = default);
}
