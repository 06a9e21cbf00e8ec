using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Admin;

/// <summary>
/// Who is an admin (configured users plus database grants) and which API keys are valid (configured keys plus keys
/// admins created, stored only as SHA-256 hashes). Keys are compared in constant time.
/// </summary>
public sealed partial class AdminAccess(IAdminStore store, AuditLog audit, IOptions<AdminOptions> options, TimeProvider time, ILogger<AdminAccess> logger)
{
    /// <summary>The longest user id accepted.</summary>
    public const int MaxUserIdLength = 200;

    /// <summary>The prefix of keys the coach creates.</summary>
    public const string KeyPrefix = "cb_";

    private readonly AdminOptions _options = options.Value;

    /// <summary>True when any of the user's ids (channel id, AAD object id) is a configured or granted admin.</summary>
    public async Task<bool> IsAdminAsync(IReadOnlyList<string?> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (_options.IsConfigured([.. userIds]))
        {
            return true;
        }

        foreach (var id in userIds)
        {
            if (id is { Length: > 0 and <= MaxUserIdLength } && await store.IsGrantedAsync(id.Trim(), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every admin: configured ones first, then grants.</summary>
    public async Task<IReadOnlyList<AdminEntry>> ListAdminsAsync(CancellationToken cancellationToken = default)
    {
        var configured = _options.Users.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(u => new AdminEntry(u, AdminSource.Configuration, null, null));
        var granted = (await store.GetGrantsAsync(cancellationToken)).Select(g => new AdminEntry(g.UserId, AdminSource.Grant, g.GrantedBy, g.GrantedAt));
        return [.. configured, .. granted];
    }

    /// <summary><c>admin grant &lt;user&gt;</c>: makes the user an admin.</summary>
    public async Task<AdminResult<AdminEntry>> GrantAsync(AdminActor actor, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ValidateUserId(userId) is { } problem)
        {
            return AdminResult<AdminEntry>.Fail(AdminStatus.Invalid, problem);
        }

        var id = userId.Trim();
        if (_options.IsConfigured(id))
        {
            return AdminResult<AdminEntry>.Ok(new AdminEntry(id, AdminSource.Configuration, null, null), $"{id} is already an admin (configured in Admin:Users).");
        }

        var grant = new AdminGrant(id, actor.Id, time.GetUtcNow());
        if (!await store.AddGrantAsync(grant, cancellationToken))
        {
            return AdminResult<AdminEntry>.Ok(new AdminEntry(id, AdminSource.Grant, null, null), $"{id} is already an admin.");
        }

        await audit.RecordAsync(actor, "admin.grant", id, null, null, null, cancellationToken);
        LogGranted(logger, actor.Id);
        return AdminResult<AdminEntry>.Created(new AdminEntry(id, AdminSource.Grant, actor.Id, grant.GrantedAt), $"{id} is now an admin.");
    }

    /// <summary>
    /// <c>admin revoke &lt;user&gt;</c>: removes a grant. Configured admins cannot be revoked here (configuration is the
    /// source of truth), and the last admin is never removed.
    /// </summary>
    public async Task<AdminResult<AdminEntry>> RevokeAsync(AdminActor actor, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ValidateUserId(userId) is { } problem)
        {
            return AdminResult<AdminEntry>.Fail(AdminStatus.Invalid, problem);
        }

        var id = userId.Trim();
        if (_options.IsConfigured(id))
        {
            return AdminResult<AdminEntry>.Fail(AdminStatus.Refused, $"{id} is an admin through configuration (Admin:Users); remove them there, not in the app.");
        }

        var admins = await ListAdminsAsync(cancellationToken);
        if (!admins.Any(a => string.Equals(a.UserId, id, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminResult<AdminEntry>.Fail(AdminStatus.NotFound, $"{id} is not an admin.");
        }

        if (admins.Count == 1)
        {
            return AdminResult<AdminEntry>.Fail(AdminStatus.Refused, $"{id} is the last admin; grant someone else first.");
        }

        await store.RemoveGrantAsync(id, cancellationToken);
        await audit.RecordAsync(actor, "admin.revoke", id, null, null, null, cancellationToken);
        LogRevoked(logger, actor.Id);
        return AdminResult<AdminEntry>.Ok(new AdminEntry(id, AdminSource.Grant, null, null), $"{id} is no longer an admin.");
    }

    /// <summary>Creates an API key. The key is in the result once and never stored (only its hash).</summary>
    public async Task<AdminResult<CreatedApiKey>> CreateApiKeyAsync(AdminActor actor, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var label = name?.Trim() ?? string.Empty;
        if (label.Length is 0 or > 100 || label.Any(char.IsControl))
        {
            return AdminResult<CreatedApiKey>.Invalid("Give the key a name of 1 to 100 characters.", [AdminProblems.Field("name", "a name of 1 to 100 characters is required")]);
        }

        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKeyRecord(Guid.NewGuid(), label, Hash(key), key[..(KeyPrefix.Length + 4)], actor.Id, time.GetUtcNow(), null);
        await store.AddApiKeyAsync(record, cancellationToken);
        await audit.RecordAsync(actor, "apikey.create", $"apikey/{record.Id:D}", null, null, label, cancellationToken);
        return AdminResult<CreatedApiKey>.Created(new CreatedApiKey(record, key), $"Created API key \"{label}\". Copy it now: it is shown only once.");
    }

    /// <summary>Every stored key (no secrets: hashes stay inside).</summary>
    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken = default) => store.GetApiKeysAsync(cancellationToken);

    /// <summary>Revokes a stored key.</summary>
    public async Task<AdminResult<Guid>> RevokeApiKeyAsync(AdminActor actor, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.RevokeApiKeyAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return AdminResult<Guid>.Fail(AdminStatus.NotFound, $"No active API key with id {id:D}.");
        }

        await audit.RecordAsync(actor, "apikey.revoke", $"apikey/{id:D}", null, null, null, cancellationToken);
        return AdminResult<Guid>.Ok(id, "The key is revoked.");
    }

    /// <summary>
    /// The identity behind a presented key, or <c>null</c>. Every candidate is compared (no early exit) with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> on SHA-256 hashes, so timing does not reveal a prefix.
    /// </summary>
    public async Task<ApiKeyIdentity?> VerifyApiKeyAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyIdentity? found = null;
        for (var i = 0; i < _options.ApiKeys.Count; i++)
        {
            var configured = _options.ApiKeys[i];
            if (CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(configured))) && configured.Length > 0)
            {
                found ??= new ApiKeyIdentity($"config-{i}", null);
            }
        }

        foreach (var key in await store.GetApiKeysAsync(cancellationToken))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(key.Hash)) && key.RevokedAt is null)
            {
                found ??= new ApiKeyIdentity(key.Name, key.Id);
            }
        }

        return found;
    }

    /// <summary>Lowercase hex SHA-256 of a key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string? ValidateUserId(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? "Name the user by their id (Teams AAD object id, Slack user id)."
        : userId.Trim().Length > MaxUserIdLength || userId.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? $"That doesn't look like a user id: one word, at most {MaxUserIdLength} characters."
            : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Admin granted by {ActorId}")]
    private static partial void LogGranted(ILogger logger, string actorId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Admin revoked by {ActorId}")]
    private static partial void LogRevoked(ILogger logger, string actorId);
}
