using Microsoft.Extensions.Logging;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>Log events of the study-channel timers (4000–4099): ids, kinds and times only.</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Timer {Trigger} due {DueUtc:O} was missed by more than the grace period {GracePeriod} and is skipped")]
    public static partial void MissedBeyondGrace(ILogger logger, string trigger, DateTimeOffset? dueUtc, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Daily schedule {ScheduleId} run for {OccurrenceUtc:O} failed; it is not retried and waits for its next occurrence")]
    public static partial void DailyRunFailed(ILogger logger, Exception exception, Guid scheduleId, DateTimeOffset occurrenceUtc);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Timer {Kind}/{Id} due {DueUtc:O} failed; it is not retried")]
    public static partial void OnceRunFailed(ILogger logger, Exception exception, string kind, string id, DateTimeOffset dueUtc);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Timer {Trigger} carries no usable job data and is ignored")]
    public static partial void BadJobData(ILogger logger, string trigger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Daily schedule {ScheduleId} timer set: next fire {NextUtc:O}")]
    public static partial void DailyScheduled(ILogger logger, Guid scheduleId, DateTimeOffset? nextUtc);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Run of {Trigger} due {DueUtc:O} was cancelled by shutdown")]
    public static partial void RunCancelled(ILogger logger, string trigger, DateTimeOffset dueUtc);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Recovery sweep finished {Count} post(s) left unsent by a stopped instance")]
    public static partial void SweepRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Recovery sweep failed; the next one tries again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Re-running {Trigger} for {OccurrenceUtc:O}: the instance that was running it died")]
    public static partial void Recovering(ILogger logger, string trigger, DateTimeOffset occurrenceUtc);
}
