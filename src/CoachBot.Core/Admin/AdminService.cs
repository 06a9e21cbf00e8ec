namespace CoachBot.Core.Admin;

/// <summary>
/// Everything an admin can do, behind the three entry points (chat commands, the REST API, the web admin page).
/// Entry points differ only in how they establish that the caller is an admin; the work is here.
/// </summary>
/// <param name="Sets">Question sets: list, read, create, edit, import, export, versions, rollback.</param>
/// <param name="Access">Admins (configured and granted) and API keys.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Activation">Which set is active by default, per team, per place and per learner.</param>
/// <param name="Channels">Study places, their schedules, and run-now.</param>
/// <param name="Analytics">Per-model averages over time and participation.</param>
public sealed record AdminService(
    QuestionSetAdmin Sets,
    AdminAccess Access,
    AuditLog Audit,
    SetActivation Activation,
    ChannelAdmin Channels,
    AdminAnalytics Analytics);
