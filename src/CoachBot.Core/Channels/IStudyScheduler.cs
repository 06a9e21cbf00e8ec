namespace CoachBot.Core.Channels;

/// <summary>
/// Durable timers for study channels (implemented on Quartz.NET's persistent job store). When a timer fires,
/// the scheduler calls <see cref="IStudyChannelJobs"/>.
/// </summary>
public interface IStudyScheduler
{
    /// <summary>Creates or replaces the daily trigger of <paramref name="schedule"/> (local time, zone, days).</summary>
    Task ScheduleDailyAsync(DailySchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Removes a schedule's trigger (no-op when absent).</summary>
    Task UnscheduleDailyAsync(Guid scheduleId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fires <see cref="IStudyChannelJobs.RunOnceAsync"/> with (<paramref name="kind"/>, <paramref name="id"/>) at
    /// <paramref name="dueUtc"/>; replaces a timer with the same kind and id. <paramref name="whenMissed"/> says what
    /// happens when the process was down past the grace period at that time.
    /// </summary>
    Task ScheduleOnceAsync(string kind, string id, DateTimeOffset dueUtc, MissedTimer whenMissed = MissedTimer.Skip, CancellationToken cancellationToken = default);

    /// <summary>The next time a schedule fires, or <c>null</c> when it has no trigger.</summary>
    Task<DateTimeOffset?> GetNextFireTimeAsync(Guid scheduleId, CancellationToken cancellationToken = default);
}

/// <summary>What a one-off timer does when it was missed by more than the grace period (the process was down).</summary>
public enum MissedTimer
{
    /// <summary>Skipped and logged, like a missed question of the day: a late question helps nobody.</summary>
    Skip,

    /// <summary>
    /// Runs as soon as the scheduler is back, however late: closing steps (a quiz's results, a recap) that
    /// summarise what already happened and must not be lost.
    /// </summary>
    RunLate,
}

/// <summary>What the scheduler runs (implemented by Core's study-channel service).</summary>
public interface IStudyChannelJobs
{
    /// <summary>A daily schedule's occurrence is due (<paramref name="occurrenceUtc"/> is the scheduled, not the actual, time).</summary>
    Task RunDailyAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken = default);

    /// <summary>A one-off timer is due (recap, quiz step).</summary>
    Task RunOnceAsync(string kind, string id, DateTimeOffset dueUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finishes the posts whose instance is gone (stopped or died after recording them): pending ones are sent, ones
    /// it was sending are closed as outcome unknown. Returns how many were looked at.
    /// </summary>
    Task<int> RecoverPendingAsync(CancellationToken cancellationToken = default);
}
