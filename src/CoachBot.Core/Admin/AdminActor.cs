namespace CoachBot.Core.Admin;

/// <summary>Which entry point an admin action came through.</summary>
public enum AdminVia
{
    /// <summary>A chat command (Teams, Slack, Web Chat, terminal).</summary>
    Chat,

    /// <summary>The REST API, with an API key.</summary>
    Api,

    /// <summary>The web admin page.</summary>
    Web,
}

/// <summary>
/// Who performs an admin action, as recorded in the audit log. Entry points establish that the actor is an admin
/// (chat: <see cref="AdminAccess.IsAdminAsync"/>; REST and web: a valid API key) before calling <see cref="AdminService"/>.
/// </summary>
/// <param name="Id">The user id (chat) or <c>key:{name}</c> (API key).</param>
/// <param name="Name">A display name, when known.</param>
/// <param name="Via">The entry point.</param>
public sealed record AdminActor(string Id, string? Name, AdminVia Via)
{
    /// <summary>The operator running the app itself (seeding, migrations).</summary>
    public static AdminActor System { get; } = new("system", "CoachBot", AdminVia.Api);

    /// <inheritdoc />
    public override string ToString() => Name is { Length: > 0 } name ? $"{name} ({Id}, {Via})" : $"{Id} ({Via})";
}
