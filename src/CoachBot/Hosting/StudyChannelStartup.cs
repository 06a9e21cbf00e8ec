using CoachBot.Core.Channels;

namespace CoachBot.Hosting;

/// <summary>
/// Once the host (and with it the scheduler) has started: gives every active schedule a trigger if the
/// scheduler lost it, then sends the posts a crash left recorded but unsent (within the grace period).
/// </summary>
public sealed partial class StudyChannelStartup(
    IHostApplicationLifetime lifetime,
    IStudyChannelStore store,
    IStudyScheduler scheduler,
    DailyPromptRunner runner,
    ILogger<StudyChannelStartup> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            var restored = 0;
            foreach (var schedule in await store.GetActiveSchedulesAsync(stoppingToken))
            {
                if (await scheduler.GetNextFireTimeAsync(schedule.Id, stoppingToken) is null)
                {
                    await scheduler.ScheduleDailyAsync(schedule, stoppingToken);
                    restored++;
                }
            }

            var recovered = await runner.RecoverPendingAsync(stoppingToken);
            LogStarted(logger, restored, recovered);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
#pragma warning disable CA1031 // a failed recovery must not stop the host; it is logged and retried at the next start
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Study channels ready: {Restored} schedule triggers restored, {Recovered} pending posts retried")]
    private static partial void LogStarted(ILogger logger, int restored, int recovered);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Study-channel start-up recovery failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
