using CoachBot.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Fires one occurrence of a daily schedule: calls <see cref="IStudyChannelJobs.RunDailyAsync"/> in a new DI scope with
/// the scheduled (not the actual) fire time. Failures are logged and not retried: the schedule waits for its next
/// occurrence, and Core's delivery records keep an occurrence from posting twice. Never two runs of one schedule at once,
/// in the whole cluster. A run whose instance died is run again elsewhere for the same occurrence
/// (<see cref="StudyTriggers.ScheduledTimeAsync"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StudyDailyJob(IServiceScopeFactory scopes, ILogger<StudyDailyJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = await StudyTriggers.ScheduledTimeAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.Recovering)
        {
            SchedulingLog.Recovering(logger, context.Trigger.Key.ToString(), scheduled);
        }

        if (!Guid.TryParse(context.MergedJobDataMap.GetString(StudyTriggers.ScheduleIdKey), out var scheduleId))
        {
            SchedulingLog.BadJobData(logger, context.Trigger.Key.ToString());
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<IStudyChannelJobs>();
            await jobs.RunDailyAsync(scheduleId, scheduled, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SchedulingLog.RunCancelled(logger, context.Trigger.Key.ToString(), scheduled);
        }
#pragma warning disable CA1031 // A failed run must never reach Quartz: it would count towards erroring the trigger.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SchedulingLog.DailyRunFailed(logger, exception, scheduleId, scheduled);
        }
    }
}
