using CoachBot.Core.Channels;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IStudyChannelStore"/> on EF Core, and the "forget me" eraser for channel answers and member
/// preferences. Thread-safe (register as a singleton): every operation uses its own short-lived context.
/// This file holds places and schedules; prompts, answers and members are in <c>EfStudyChannelStore.Prompts.cs</c>,
/// deliveries in <c>EfStudyChannelStore.Deliveries.cs</c>.
/// </summary>
/// <param name="contexts">The context factory.</param>
/// <param name="time">The clock (member preference timestamps).</param>
public sealed partial class EfStudyChannelStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time)
    : IStudyChannelStore, ILearnerDataEraser
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StudyPlace>> GetPlacesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StudyPlaces.AsNoTracking().OrderBy(p => p.PlaceKey).ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>A place stored without a team id (group chats, Slack channels) belongs to no team.</remarks>
    public async Task<IReadOnlyList<StudyPlace>> GetTeamPlacesAsync(string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StudyPlaces.AsNoTracking().Where(p => p.TeamId == teamId).OrderBy(p => p.PlaceKey).ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// A new place is stored as given (active when <paramref name="place"/> is active or <paramref name="reactivate"/>).
    /// An existing place gets the addressing fields and <see cref="StudyPlace.UpdatedAt"/> refreshed; a <c>null</c>
    /// name, tenant, team or Teams channel keeps the stored value (not every activity carries them). Its feedback
    /// mode is kept, and the upsert never deactivates it: an active row stays active (deactivating goes through
    /// <see cref="SetPlaceActiveAsync"/>, which also pauses schedules) and an inactive row becomes active only
    /// with <paramref name="reactivate"/>. Reactivating does not resume schedules.
    /// </remarks>
    public Task UpsertPlaceAsync(StudyPlace place, bool reactivate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        return contexts.UpsertAsync(
            (db, ct) => db.StudyPlaces.FirstOrDefaultAsync(p => p.PlaceKey == place.PlaceKey, ct),
            () => new StudyPlaceEntity { PlaceKey = place.PlaceKey, Active = place.Active || reactivate, Feedback = place.Feedback },
            row =>
            {
                row.ChannelId = place.ChannelId;
                row.ConversationId = place.ConversationId;
                row.Kind = place.Kind;
                row.ServiceUrl = place.ServiceUrl;
                row.TenantId = place.TenantId ?? row.TenantId;
                row.TeamId = place.TeamId ?? row.TeamId;
                row.TeamsChannelId = place.TeamsChannelId ?? row.TeamsChannelId;
                row.BotId = place.BotId;
                row.Name = place.Name ?? row.Name;
                row.Active = row.Active || reactivate;
                row.UpdatedAt = place.UpdatedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StudyPlace?> GetPlaceAsync(string placeKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.StudyPlaces.AsNoTracking().FirstOrDefaultAsync(p => p.PlaceKey == placeKey, cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    /// <remarks>Deactivating updates the place and all its schedules in one transaction. Activating changes only
    /// the place (paused schedules stay paused until saved active). An unknown key is a no-op.</remarks>
    public async Task SetPlaceActiveAsync(string placeKey, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.StudyPlaces.Where(p => p.PlaceKey == placeKey)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, active), cancellationToken);
        if (!active)
        {
            await db.DailySchedules.Where(s => s.PlaceKey == placeKey)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>An unknown key is a no-op.</remarks>
    public async Task SetFeedbackModeAsync(string placeKey, FeedbackMode mode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StudyPlaces.Where(p => p.PlaceKey == placeKey)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Feedback, mode), cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveScheduleAsync(DailySchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return contexts.UpsertAsync(
            (db, ct) => db.DailySchedules.FirstOrDefaultAsync(s => s.Id == schedule.Id, ct),
            () => new DailyScheduleEntity { Id = schedule.Id },
            row => StudyChannelRows.Apply(row, schedule),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DailySchedule?> GetScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DailySchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailySchedule>> GetSchedulesAsync(string placeKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DailySchedules.AsNoTracking()
            .Where(s => s.PlaceKey == placeKey)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailySchedule>> GetActiveSchedulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DailySchedules.AsNoTracking()
            .Where(s => s.Active)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>Deletes the member's answers and preference rows in every place, in one transaction; returns how
    /// many rows were deleted. Schedules the member created keep their <see cref="DailySchedule.CreatedBy"/>.</remarks>
    public async Task<int> ForgetMemberAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var answers = await db.ChannelAnswers.Where(a => a.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        var members = await db.ChannelMembers.Where(m => m.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answers + members;
    }

    /// <inheritdoc />
    public Task<int> EraseAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return ForgetMemberAsync(turn.UserKey, cancellationToken);
    }
}
