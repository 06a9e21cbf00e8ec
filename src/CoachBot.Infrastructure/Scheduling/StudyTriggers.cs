using System.Globalization;
using CoachBot.Core.Channels;
using Quartz;
using Quartz.Impl.Calendar;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// The Quartz shape of study-channel timers: one job and one trigger per daily schedule (a cron trigger in the
/// schedule's zone; its skip dates a holiday calendar in that zone) and one job and one simple trigger per one-off
/// timer. Keys are derived from ids, so scheduling again replaces.
/// </summary>
internal static class StudyTriggers
{
    public const string DailyGroup = "study-daily";
    public const string OnceGroup = "study-once";
    public const string ScheduleIdKey = "scheduleId";
    public const string KindKey = "kind";
    public const string IdKey = "id";

    /// <summary>The longest kind plus id a one-off timer key may have (Quartz name columns are 200 wide).</summary>
    public const int MaxOnceKeyLength = 190;

    public static JobKey DailyJobKey(Guid scheduleId) => new(scheduleId.ToString("D"), DailyGroup);

    public static TriggerKey DailyTriggerKey(Guid scheduleId) => new(scheduleId.ToString("D"), DailyGroup);

    public static string CalendarName(Guid scheduleId) => $"{DailyGroup}:{scheduleId:D}";

    public static JobKey OnceJobKey(string kind, string id) => new(OnceName(kind, id), OnceGroup);

    public static TriggerKey OnceTriggerKey(string kind, string id) => new(OnceName(kind, id), OnceGroup);

    /// <summary>The cron expression of a schedule: its local time (to the second; schedules set in chat have second 0), on its days (Quartz day names).</summary>
    public static string CronExpression(DailySchedule schedule)
    {
        var days = schedule.Days.Distinct().Count() == 7
            ? "*"
            : string.Join(',', schedule.Days.Distinct().Order().Select(d => d.ToString()[..3].ToUpperInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"{schedule.LocalTime.Second} {schedule.LocalTime.Minute} {schedule.LocalTime.Hour} ? * {days}");
    }

    /// <summary>
    /// A schedule's job. It requests recovery: in a cluster, a run whose instance died is run again by another (the
    /// delivery ledger keeps the places it already reached from a second post).
    /// </summary>
    public static IJobDetail DailyJob(DailySchedule schedule) =>
        JobBuilder.Create<StudyDailyJob>()
            .WithIdentity(DailyJobKey(schedule.Id))
            .UsingJobData(ScheduleIdKey, schedule.Id.ToString("D"))
            .RequestRecovery()
            .Build();

    /// <summary>
    /// The daily trigger: Quartz's cron in the schedule's zone handles daylight saving. Missed by more than the
    /// store's misfire threshold (the grace period), it does nothing and waits for its next occurrence.
    /// </summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="zone">Its time zone.</param>
    /// <param name="startUtc">From when fire times count; <c>null</c> for now by the scheduler's clock.</param>
    public static ITrigger DailyTrigger(DailySchedule schedule, TimeZoneInfo zone, DateTimeOffset? startUtc = null)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity(DailyTriggerKey(schedule.Id))
            .ForJob(DailyJobKey(schedule.Id));
        builder = startUtc is { } start ? builder.StartAt(start) : builder.StartNow();
        builder = builder
            .WithCronSchedule(CronExpression(schedule), cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing));
        if (schedule.SkipDates.Count > 0)
        {
            builder = builder.WithCalendarName(CalendarName(schedule.Id));
        }

        return builder.Build();
    }

    /// <summary>The skip dates as a calendar that excludes those whole local days in the schedule's zone.</summary>
    public static HolidayCalendar SkipCalendar(DailySchedule schedule, TimeZoneInfo zone)
    {
        var calendar = new HolidayCalendar { TimeZone = zone, Description = $"Skip dates of schedule {schedule.Id:D}" };
        foreach (var date in schedule.SkipDates.Distinct())
        {
            calendar.AddExcludedDay(date);
        }

        return calendar;
    }

    /// <summary>A one-off timer's job; it requests recovery like <see cref="DailyJob"/>.</summary>
    public static IJobDetail OnceJob(string kind, string id) =>
        JobBuilder.Create<StudyOnceJob>()
            .WithIdentity(OnceJobKey(kind, id))
            .UsingJobData(KindKey, kind)
            .UsingJobData(IdKey, id)
            .RequestRecovery()
            .Build();

    /// <summary>
    /// The fire time a run stands for: the scheduled time, or, when a job is re-run because its instance died, the
    /// original firing's scheduled time (which keys the occurrence's deliveries), not the recovery's. Quartz hands that
    /// over as text in the recovery's job data (<see cref="SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime"/>,
    /// written with the culture of the instance that recovered it); failing that, the original trigger's previous fire time.
    /// </summary>
    public static async Task<DateTimeOffset> ScheduledTimeAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Recovering)
        {
            return (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
        }

        var data = context.MergedJobDataMap;
        if (TryParseTime(data.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime), out var original))
        {
            return original;
        }

        if (data.GetString(SchedulerConstants.FailedJobOriginalTriggerName) is { } name
            && data.GetString(SchedulerConstants.FailedJobOriginalTriggerGroup) is { } group
            && await context.Scheduler.GetTrigger(new TriggerKey(name, group), cancellationToken).ConfigureAwait(false) is { } trigger
            && trigger.PreviousFireTimeUtc is { } previous)
        {
            return previous.ToUniversalTime();
        }

        return (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
    }

    /// <summary>Reads a recovery's original fire time: milliseconds since the epoch, or a date in the current or the invariant culture.</summary>
    internal static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AssumeUniversal, out time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>
    /// A one-off trigger. Missed by more than the grace period it either never fires (<see cref="MissedTimer.Skip"/>:
    /// the simple-trigger form of "do nothing", reschedule to the next time with the remaining count, and a one-off
    /// has none left) or fires at once (<see cref="MissedTimer.RunLate"/>).
    /// </summary>
    public static ITrigger OnceTrigger(string kind, string id, DateTimeOffset dueUtc, MissedTimer whenMissed = MissedTimer.Skip) =>
        TriggerBuilder.Create()
            .WithIdentity(OnceTriggerKey(kind, id))
            .ForJob(OnceJobKey(kind, id))
            .StartAt(dueUtc)
            .WithSimpleSchedule(simple => simple.WithRepeatCount(0).WithMisfireInstruction(whenMissed == MissedTimer.RunLate
                ? SimpleTriggerMisfireInstruction.FireNow
                : SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();

    private static string OnceName(string kind, string id) => $"{kind}:{id}";
}
