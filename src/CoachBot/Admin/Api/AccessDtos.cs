using CoachBot.Core.Admin;

namespace CoachBot.Admin.Api;

/// <summary>An admin: configured (<c>Admin:Users</c>, not revocable here) or granted.</summary>
public sealed record AdminDto(string UserId, AdminSource Source, string? GrantedBy, DateTimeOffset? GrantedAt)
{
    internal static AdminDto From(AdminEntry e) => new(e.UserId, e.Source, e.GrantedBy, e.GrantedAt);
}

/// <summary>The body of <c>POST /api/admin/admins</c>.</summary>
public sealed record AdminBody(string? UserId);

/// <summary>A stored API key, without its hash: the prefix is enough to recognise it.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ApiKeyDto From(ApiKeyRecord k) => new(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.RevokedAt);
}

/// <summary>A new API key: <see cref="Key"/> is shown this once and never stored.</summary>
public sealed record CreatedApiKeyDto(string Message, Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);

/// <summary>The body of <c>POST /api/admin/api-keys</c>.</summary>
public sealed record ApiKeyBody(string? Name);
