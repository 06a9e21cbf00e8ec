using CoachBot.Core.Channels;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// The delivery owners of a Quartz cluster: an owner is a scheduler instance id, and it is gone once the cluster no
/// longer counts it among its live nodes — its check-ins (every <see cref="SchedulingOptions.ClusterCheckinInterval"/>)
/// are its lease, and the lease has run out <see cref="SchedulingOptions.ClusterCheckinMisfireThreshold"/> after the
/// last one it missed. The same verdict Quartz uses to take over the dead node's timers and re-run its jobs, so a
/// re-run job and the ledger agree about who is dead. An overdue node (late, not yet declared dead) is still alive.
/// </summary>
internal sealed class ClusterDeliveryOwners(ISchedulerFactory schedulers) : IDeliveryOwners
{
    public async ValueTask<string> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        (await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false)).SchedulerInstanceId;

    public async ValueTask<bool> IsGoneAsync(string? owner, CancellationToken cancellationToken = default)
    {
        if (owner is null)
        {
            return true;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (string.Equals(owner, scheduler.SchedulerInstanceId, StringComparison.Ordinal))
        {
            return false;
        }

        var nodes = await scheduler.QueryClusterNodes(cancellationToken).ConfigureAwait(false);
        return !nodes.Any(n => string.Equals(n.InstanceId, owner, StringComparison.Ordinal) && n.State != ClusterNodeState.Failed);
    }
}
