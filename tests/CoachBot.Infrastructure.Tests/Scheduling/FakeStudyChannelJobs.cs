using System.Collections.Concurrent;
using CoachBot.Core.Channels;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>Records what the scheduler ran; can be told to throw.</summary>
internal sealed class FakeStudyChannelJobs : IStudyChannelJobs
{
    private readonly ConcurrentQueue<(string Kind, string Id, DateTimeOffset Due)> _runs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> _waiters = new();
    private int _recoveries;

    public bool Throw { get; set; }

    public IReadOnlyCollection<(string Kind, string Id, DateTimeOffset Due)> Runs => [.. _runs];

    public Task RunDailyAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken = default) =>
        Record("daily", scheduleId.ToString("D"), occurrenceUtc);

    public Task RunOnceAsync(string kind, string id, DateTimeOffset dueUtc, CancellationToken cancellationToken = default) =>
        Record(kind, id, dueUtc);

    /// <summary>How often the recovery sweep ran (kept out of <see cref="Runs"/>).</summary>
    public int Recoveries => _recoveries;

    public Task<int> RecoverPendingAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _recoveries);
        Waiter("recover", "pending").TrySetResult(DateTimeOffset.UtcNow);
        return Task.FromResult(0);
    }

    /// <summary>Completes with the scheduled time when (kind, id) runs.</summary>
    public Task<DateTimeOffset> WaitForAsync(string kind, string id) => Waiter(kind, id).Task;

    private Task Record(string kind, string id, DateTimeOffset due)
    {
        _runs.Enqueue((kind, id, due));
        Waiter(kind, id).TrySetResult(due);
        return Throw ? throw new InvalidOperationException("The job failed on purpose.") : Task.CompletedTask;
    }

    private TaskCompletionSource<DateTimeOffset> Waiter(string kind, string id) =>
        _waiters.GetOrAdd($"{kind}/{id}", _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));
}
