namespace CoachBot.Core.Admin;

/// <summary>An admin granted in chat or through the API (configured admins are not stored).</summary>
/// <param name="UserId">The user id as the channel reports it.</param>
/// <param name="GrantedBy">Who granted it (<see cref="AdminActor.Id"/>).</param>
/// <param name="GrantedAt">When.</param>
public sealed record AdminGrant(string UserId, string GrantedBy, DateTimeOffset GrantedAt);

/// <summary>Where an admin's rights come from.</summary>
public enum AdminSource
{
    /// <summary><c>Admin:Users</c> in configuration: cannot be revoked in the app.</summary>
    Configuration,

    /// <summary>Granted by another admin; stored in the database.</summary>
    Grant,
}

/// <summary>One admin, for listings.</summary>
public sealed record AdminEntry(string UserId, AdminSource Source, string? GrantedBy, DateTimeOffset? GrantedAt);

/// <summary>
/// One audited admin change: who, what, when, and the set version before and after (when a set changed).
/// </summary>
/// <param name="Id">Entry id.</param>
/// <param name="At">When.</param>
/// <param name="ActorId">Who (<see cref="AdminActor.Id"/>).</param>
/// <param name="ActorName">Their display name, when known.</param>
/// <param name="Via">The entry point.</param>
/// <param name="Action">A stable verb, e.g. <c>set.import</c>, <c>question.disable</c>, <c>admin.grant</c>.</param>
/// <param name="Target">What it acted on (a set id, <c>set/question</c>, a user id, a schedule id).</param>
/// <param name="BeforeVersion">The set version before, when a set changed.</param>
/// <param name="AfterVersion">The set version after, when a set changed.</param>
/// <param name="Detail">One line of detail (never answer text or secrets).</param>
public sealed record AuditEntry(
    Guid Id,
    DateTimeOffset At,
    string ActorId,
    string? ActorName,
    AdminVia Via,
    string Action,
    string Target,
    int? BeforeVersion,
    int? AfterVersion,
    string? Detail);

/// <summary>An API key created by an admin. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
/// <param name="Id">Key id.</param>
/// <param name="Name">A label (who or what uses it).</param>
/// <param name="Hash">Lowercase hex SHA-256 of the key.</param>
/// <param name="Prefix">The key's first characters, to recognise it in listings.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="RevokedAt">When it was revoked, or <c>null</c>.</param>
public sealed record ApiKeyRecord(Guid Id, string Name, string Hash, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new key: its record and the key itself (shown once, never stored).</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Key);

/// <summary>Who is calling the API with a valid key.</summary>
/// <param name="Name">The key's name (<c>config-0</c>, <c>config-1</c>… for configured keys).</param>
/// <param name="KeyId">The stored key's id; <c>null</c> for configured keys.</param>
public sealed record ApiKeyIdentity(string Name, Guid? KeyId)
{
    /// <summary>The actor for the audit log.</summary>
    public AdminActor ToActor(AdminVia via) => new($"key:{Name}", Name, via);
}

/// <summary>At which level a question set is chosen.</summary>
public enum SetScope
{
    /// <summary>The default for everyone (overrides <c>Practice:DefaultSetId</c>).</summary>
    Default,

    /// <summary>A Teams team (all its channels).</summary>
    Team,

    /// <summary>One place: a channel or group chat (its place key).</summary>
    Place,

    /// <summary>One learner (<c>use &lt;set&gt;</c>; the learner key).</summary>
    User,
}

/// <summary>A set chosen for a scope; <paramref name="Key"/> is empty for <see cref="SetScope.Default"/>.</summary>
public sealed record SetAssignment(SetScope Scope, string Key, string SetId, string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>One stored version of a set, for version listings.</summary>
/// <param name="Version">The version.</param>
/// <param name="Title">The title it had.</param>
/// <param name="Questions">How many questions it had.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="CreatedBy">Who stored it (<see cref="AdminActor.Id"/>, <c>system</c> for the seed).</param>
/// <param name="Note">What changed (e.g. "imported from seed.md", "rolled back to v2").</param>
public sealed record QuestionSetVersionInfo(int Version, string Title, int Questions, DateTimeOffset CreatedAt, string CreatedBy, string? Note);
