using CoachBot.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Every <see cref="SchedulingOptions.RecoverySweepInterval"/>, on one instance of the cluster at a time: finishes the
/// posts an instance that stopped or died left unsent (<see cref="IStudyChannelJobs.RecoverPendingAsync"/>; posts of
/// live instances are left to them). A graceful shutdown that cancels a send before it left leaves it pending for this.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DeliverySweepJob(IServiceScopeFactory scopes, ILogger<DeliverySweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("delivery-sweep", "study-system");

    public static void Trigger(ITriggerConfigurator<DeliverySweepJob> trigger, TimeSpan interval) =>
        trigger.WithIdentity(new TriggerKey(Key.Name, Key.Group))
            .ForJob(Key)
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var recovered = await scope.ServiceProvider.GetRequiredService<IStudyChannelJobs>().RecoverPendingAsync(cancellationToken).ConfigureAwait(false);
            if (recovered > 0)
            {
                SchedulingLog.SweepRecovered(logger, recovered);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutting down: the next sweep, here or elsewhere, goes on
        }
#pragma warning disable CA1031 // a failed sweep must never reach Quartz; the next one tries again
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SchedulingLog.SweepFailed(logger, exception);
        }
    }
}
