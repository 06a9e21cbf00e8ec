using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// <see cref="IStudyScheduler"/> on Quartz.NET's persistent job store: timers are rows in the application database,
/// so they survive restarts. A daily schedule is a cron trigger in its IANA zone (Quartz applies daylight saving
/// the way <see cref="DailyOccurrences"/> does); its skip dates are a holiday calendar in that zone, so the next fire
/// time already leaves them out.
/// </summary>
internal sealed class QuartzStudyScheduler(ISchedulerFactory schedulers, ILogger<QuartzStudyScheduler> logger) : IStudyScheduler
{
    public async Task ScheduleDailyAsync(DailySchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Days.Count == 0)
        {
            throw new ArgumentException("A daily schedule needs at least one day.", nameof(schedule));
        }

        if (!ScheduleTimeZones.TryResolve(schedule.TimeZoneId, out var zone, out _))
        {
            throw new ArgumentException($"Unknown time zone '{schedule.TimeZoneId}'.", nameof(schedule));
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var calendarName = StudyTriggers.CalendarName(schedule.Id);
        if (schedule.SkipDates.Count > 0)
        {
            await scheduler.AddCalendar(calendarName, StudyTriggers.SkipCalendar(schedule, zone), new AddCalendarOptions { Replace = true, UpdateTriggers = true }, cancellationToken)
                .ConfigureAwait(false);
        }

        var trigger = StudyTriggers.DailyTrigger(schedule, zone);
        await scheduler.ScheduleJob(StudyTriggers.DailyJob(schedule), [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken)
            .ConfigureAwait(false);

        if (schedule.SkipDates.Count == 0)
        {
            // Only once no trigger refers to it any more.
            await DeleteCalendarIfPresentAsync(scheduler, calendarName, cancellationToken).ConfigureAwait(false);
        }

        SchedulingLog.DailyScheduled(logger, schedule.Id, await GetNextFireTimeAsync(schedule.Id, cancellationToken).ConfigureAwait(false));
    }

    public async Task UnscheduleDailyAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.DeleteJob(StudyTriggers.DailyJobKey(scheduleId), cancellationToken).ConfigureAwait(false);
        await DeleteCalendarIfPresentAsync(scheduler, StudyTriggers.CalendarName(scheduleId), cancellationToken).ConfigureAwait(false);
    }

    public async Task ScheduleOnceAsync(string kind, string id, DateTimeOffset dueUtc, MissedTimer whenMissed = MissedTimer.Skip, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (kind.Length + id.Length + 1 > StudyTriggers.MaxOnceKeyLength)
        {
            throw new ArgumentException($"Timer kind and id together must be at most {StudyTriggers.MaxOnceKeyLength - 1} characters.", nameof(id));
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(
                StudyTriggers.OnceJob(kind, id),
                [StudyTriggers.OnceTrigger(kind, id, dueUtc.ToUniversalTime(), whenMissed)],
                new ScheduleJobOptions { Replace = true },
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> GetNextFireTimeAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = await scheduler.GetTrigger(StudyTriggers.DailyTriggerKey(scheduleId), cancellationToken).ConfigureAwait(false);
        return trigger?.NextFireTimeUtc;
    }

    // Deleting a calendar that is not there is a no-op; looking it up first would log a store warning when it is missing.
    private static Task DeleteCalendarIfPresentAsync(IScheduler scheduler, string name, CancellationToken cancellationToken) =>
        scheduler.DeleteCalendar(name, cancellationToken).AsTask();
}
