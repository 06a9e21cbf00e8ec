using CoachBot.Core.Admin;

namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>AdminGrants</c>: an admin granted in the app. Keyed by the lowercased id (ids compare ignoring case).</summary>
internal sealed class AdminGrantEntity
{
    public string UserIdKey { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string GrantedBy { get; set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>Row of <c>AuditLog</c>.</summary>
internal sealed class AuditEntryEntity
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string? ActorName { get; set; }

    public AdminVia Via { get; set; }

    public string Action { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public int? BeforeVersion { get; set; }

    public int? AfterVersion { get; set; }

    public string? Detail { get; set; }
}

/// <summary>Row of <c>ApiKeys</c>: a key created by an admin, stored as its SHA-256 hash only.</summary>
internal sealed class ApiKeyEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public string Prefix { get; set; } = string.Empty;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Row of <c>SetAssignments</c>: the set chosen for a scope (default, team, place, user).</summary>
internal sealed class SetAssignmentEntity
{
    public SetScope Scope { get; set; }

    public string ScopeKey { get; set; } = string.Empty;

    public string SetId { get; set; } = string.Empty;

    public string AssignedBy { get; set; } = string.Empty;

    public DateTimeOffset AssignedAt { get; set; }
}
