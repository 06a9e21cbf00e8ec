using CoachBot.Core.Channels;

namespace CoachBot.Core.Admin;

/// <summary>A daily schedule with its next fire time.</summary>
public sealed record ScheduleView(DailySchedule Schedule, DateTimeOffset? NextFireUtc);

/// <summary>A place the bot is installed in, with its schedules.</summary>
public sealed record SubscriptionView(StudyPlace Place, IReadOnlyList<ScheduleView> Schedules);

/// <summary>Study channels for admins: where the bot is, what each place is subscribed to, and <c>run now</c> by schedule id.</summary>
public sealed class ChannelAdmin(IStudyChannelStore store, IStudyScheduler scheduler, DailyPromptRunner runner, AuditLog audit)
{
    /// <summary>Every place with its schedules (active places first).</summary>
    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<SubscriptionView>();
        foreach (var place in (await store.GetPlacesAsync(cancellationToken)).OrderByDescending(p => p.Active))
        {
            var schedules = new List<ScheduleView>();
            foreach (var schedule in await store.GetSchedulesAsync(place.PlaceKey, cancellationToken))
            {
                schedules.Add(new ScheduleView(schedule, schedule.Active ? await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken) : null));
            }

            views.Add(new SubscriptionView(place, schedules));
        }

        return views;
    }

    /// <summary>One schedule, or <c>null</c>.</summary>
    public async Task<ScheduleView?> GetScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default) =>
        await store.GetScheduleAsync(scheduleId, cancellationToken) is { } schedule
            ? new ScheduleView(schedule, schedule.Active ? await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken) : null)
            : null;

    /// <summary>Posts the schedule's next question in its place at once (the chat command <c>run now</c>, by schedule id).</summary>
    public async Task<AdminResult<SendResult>> RunNowAsync(AdminActor actor, Guid scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.GetScheduleAsync(scheduleId, cancellationToken) is not { } schedule)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.NotFound, $"There is no schedule {scheduleId:D}.");
        }

        if (!schedule.Active || await store.GetPlaceAsync(schedule.PlaceKey, cancellationToken) is not { Active: true } place)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.Refused, "That schedule is paused (the bot was removed from its place, or it was unsubscribed).");
        }

        var result = await runner.RunNowAsync(place, schedule, schedule.SetId, cancellationToken);
        if (result is null)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.NotFound, $"Set \"{schedule.SetId}\" has no questions to post.");
        }

        await audit.RecordAsync(actor, "schedule.run", $"schedule/{schedule.Id:D}", null, null, result.Outcome.ToString(), cancellationToken);
        return result.Outcome == SendOutcome.Sent
            ? AdminResult<SendResult>.Ok(result, "Posted the next question.")
            : AdminResult<SendResult>.Fail(AdminStatus.Refused, $"The post failed: {result.Error ?? result.Outcome.ToString()}.");
    }
}
