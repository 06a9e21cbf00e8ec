using CoachBot.Core.Channels;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// The delivery owners of a Quartz cluster: an owner is a scheduler instance id, and it is gone once the cluster no
/// longer counts it among its live nodes — its check-ins (every <see cref="SchedulingOptions.ClusterCheckinInterval"/>)
/// are its lease, and the lease has run out <see cref="SchedulingOptions.ClusterCheckinMisfireThreshold"/> after the
/// last one it missed. The same verdict Quartz uses to take over the dead node's timers and re-run its jobs, so a
/// re-run job and the ledger agree about who is dead. An overdue node (late, not yet declared dead) is still alive.
/// The scheduler is kept from the first call: runs still finishing during a graceful stop need this instance's id after
/// the factory has stopped handing the scheduler out.
/// </summary>
internal sealed class ClusterDeliveryOwners(ISchedulerFactory schedulers) : IDeliveryOwners
{
    private IScheduler? _scheduler;

    public async ValueTask<string> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        (await SchedulerAsync(cancellationToken).ConfigureAwait(false)).SchedulerInstanceId;

    public async ValueTask<bool> IsGoneAsync(string? owner, CancellationToken cancellationToken = default)
    {
        if (owner is null)
        {
            return true;
        }

        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        if (string.Equals(owner, scheduler.SchedulerInstanceId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var nodes = await scheduler.QueryClusterNodes(cancellationToken).ConfigureAwait(false);
            return !nodes.Any(n => string.Equals(n.InstanceId, owner, StringComparison.Ordinal) && n.State != ClusterNodeState.Failed);
        }
        catch (SchedulerException)
        {
            return false; // this instance is shutting down: it takes nothing over
        }
    }

    private async ValueTask<IScheduler> SchedulerAsync(CancellationToken cancellationToken) =>
        _scheduler ??= await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
}
