using System.Collections.Concurrent;
using CoachBot.Core.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Tests.Admin;

/// <summary>A small in-memory <see cref="IAdminStore"/> for Core unit tests (the EF store has its own tests on SQLite).</summary>
public sealed class InMemoryAdminStore : IAdminStore
{
    private readonly ConcurrentDictionary<string, AdminGrant> _grants = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<AuditEntry> _audit = new();
    private readonly ConcurrentDictionary<Guid, ApiKeyRecord> _keys = new();
    private readonly ConcurrentDictionary<(SetScope, string), SetAssignment> _assignments = new();

    public IReadOnlyList<AuditEntry> Audit => [.. _audit];

    /// <summary>An <see cref="AdminAccess"/> over a new store with the given configured admins.</summary>
    public static AdminAccess Access(params string[] configuredAdmins) => new InMemoryAdminStore().CreateAccess(configuredAdmins);

    public AdminAccess CreateAccess(IEnumerable<string> configuredAdmins, IEnumerable<string>? apiKeys = null)
    {
        var options = new AdminOptions();
        foreach (var admin in configuredAdmins)
        {
            options.Users.Add(admin);
        }

        foreach (var key in apiKeys ?? [])
        {
            options.ApiKeys.Add(key);
        }

        return new AdminAccess(this, new AuditLog(this, TimeProvider.System), Options.Create(options), TimeProvider.System, NullLogger<AdminAccess>.Instance);
    }

    public Task<IReadOnlyList<AdminGrant>> GetGrantsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AdminGrant>>([.. _grants.Values.OrderBy(g => g.GrantedAt)]);

    public Task<bool> IsGrantedAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(_grants.ContainsKey(userId.Trim()));

    public Task<bool> AddGrantAsync(AdminGrant grant, CancellationToken cancellationToken = default) => Task.FromResult(_grants.TryAdd(grant.UserId, grant));

    public Task<bool> RemoveGrantAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(_grants.TryRemove(userId, out _));

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        _audit.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int skip, int take, string? targetPrefix = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _audit.Reverse().Where(a => targetPrefix is null || a.Target.StartsWith(targetPrefix, StringComparison.Ordinal)).Skip(skip).Take(take)]);

    public Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        _keys[key.Id] = key;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> GetApiKeysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. _keys.Values.OrderBy(k => k.CreatedAt)]);

    public Task<bool> RevokeApiKeyAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (_keys.TryGetValue(id, out var key) && key.RevokedAt is null)
        {
            _keys[id] = key with { RevokedAt = at };
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public Task SetAssignmentAsync(SetAssignment assignment, CancellationToken cancellationToken = default)
    {
        _assignments[(assignment.Scope, assignment.Key)] = assignment;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_assignments.TryRemove((scope, key), out _));

    public Task<SetAssignment?> GetAssignmentAsync(SetScope scope, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_assignments.GetValueOrDefault((scope, key)));

    public Task<IReadOnlyList<SetAssignment>> GetAssignmentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SetAssignment>>([.. _assignments.Values]);
}
