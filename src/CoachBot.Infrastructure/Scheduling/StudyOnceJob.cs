using CoachBot.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Fires a one-off timer (recap, quiz step): calls <see cref="IStudyChannelJobs.RunOnceAsync"/> in a new DI scope with
/// the scheduled time. Failures are logged and not retried (the trigger is spent either way). Never two runs of one
/// timer at once (a recovered run and a late one).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StudyOnceJob(IServiceScopeFactory scopes, ILogger<StudyOnceJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = await StudyTriggers.ScheduledTimeAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.Recovering)
        {
            SchedulingLog.Recovering(logger, context.Trigger.Key.ToString(), scheduled);
        }

        var kind = context.MergedJobDataMap.GetString(StudyTriggers.KindKey);
        var id = context.MergedJobDataMap.GetString(StudyTriggers.IdKey);
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(id))
        {
            SchedulingLog.BadJobData(logger, context.Trigger.Key.ToString());
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<IStudyChannelJobs>();
            await jobs.RunOnceAsync(kind, id, scheduled, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SchedulingLog.RunCancelled(logger, context.Trigger.Key.ToString(), scheduled);
        }
#pragma warning disable CA1031 // A failed run must never reach Quartz: it would count towards erroring the trigger.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SchedulingLog.OnceRunFailed(logger, exception, kind, id, scheduled);
        }
    }
}
