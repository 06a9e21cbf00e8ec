using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Readiness: the Quartz scheduler is running (started, not in standby, not shut down). With <c>Scheduling:Enabled=false</c> this instance
/// fires no timers by design, and the check is healthy ("disabled").
/// </summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IOptions<SchedulingOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("disabled");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("running")
            : new HealthCheckResult(context.Registration.FailureStatus, status switch
            {
                SchedulerStatus.Created => "not started",
                SchedulerStatus.Standby => "in standby",
                SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => "shut down",
                _ => "state unknown",
            });
    }
}
