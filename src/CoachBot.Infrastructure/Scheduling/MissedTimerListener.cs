using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Logs every study timer Quartz declares misfired, that is missed by more than
/// <see cref="SchedulingOptions.MissedGracePeriod"/>: its misfire instruction then skips it.
/// </summary>
internal sealed class MissedTimerListener(IOptions<SchedulingOptions> options, ILogger<MissedTimerListener> logger) : ITriggerListener
{
    public string Name => nameof(MissedTimerListener);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);

        // Called before the misfire instruction is applied: the next fire time is still the missed one.
        SchedulingLog.MissedBeyondGrace(logger, trigger.Key.ToString(), trigger.NextFireTimeUtc, options.Value.MissedGracePeriod);
        return ValueTask.CompletedTask;
    }
}
