using System.Collections.Concurrent;
using CoachBot.Core.Channels;
using CoachBot.Core.Messages;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>Records every out-of-turn send; answers Sent (or what the test asks for).</summary>
public sealed class RecordingMessenger : IChannelMessenger
{
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _posts;

    public ConcurrentQueue<(string Kind, StudyPlace Place, string? Target, CoachMessage Message)> Sent { get; } = new();

    public SendOutcome NextOutcome { get; set; } = SendOutcome.Sent;

    /// <summary>
    /// Sends wait until their token is cancelled and then throw, as the real sender does when shutdown cancels a send in
    /// flight; <see cref="Hanging"/> completes when one starts waiting.
    /// </summary>
    public bool HangUntilCancelled { get; set; }

    /// <summary>Completes when a send starts waiting for cancellation (<see cref="HangUntilCancelled"/>).</summary>
    public Task Hanging => _hanging.Task;

    public async Task<SendResult> PostAsync(StudyPlace place, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        await HangIfAskedAsync(cancellationToken);
        if (gate is not null && !await gate(cancellationToken))
        {
            return new SendResult(SendOutcome.Withheld, null, null, "withheld");
        }

        var n = Interlocked.Increment(ref _posts);
        // Like the real sender: a Teams channel post starts a thread; elsewhere replies arrive on the place's conversation,
        // and a Slack post's id is its message ts (what replies in its thread carry as thread_ts).
        return await Record(
            "post", place, null, message, place.Kind == PlaceKind.TeamsChannel ? $"{place.ConversationId};messageid={n}" : place.ConversationId,
            place.Kind == PlaceKind.SlackChannel ? SlackTs(n) : null,
            cancellationToken);
    }

    public async Task<SendResult> ReplyInThreadAsync(StudyPlace place, string threadId, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default)
    {
        await HangIfAskedAsync(cancellationToken);
        return gate is not null && !await gate(cancellationToken)
            ? new SendResult(SendOutcome.Withheld, null, null, "withheld")
            : await Record("thread", place, threadId, message, threadId, null, cancellationToken);
    }

    public Task<SendResult> SendPrivateAsync(StudyPlace place, string userId, string? userName, CoachMessage message, CancellationToken cancellationToken = default) =>
        Record("private", place, userId, message, $"a:1on1-{userId}", null, cancellationToken);

    /// <summary>The ts the fake gives the <paramref name="n"/>th post (Slack ts: seconds.microseconds).</summary>
    public static string SlackTs(int n) => $"1767254400.{n:D6}";

    // Like the real sender, a hang happens where shutdown usually finds a send: waiting for a rate-limit permit,
    // before its gate (nothing has left, so the delivery stays pending).
    private async Task HangIfAskedAsync(CancellationToken cancellationToken)
    {
        if (HangUntilCancelled)
        {
            _hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private async Task<SendResult> Record(string kind, StudyPlace place, string? target, CoachMessage message, string thread, string? activityId, CancellationToken cancellationToken)
    {
        await HangIfAskedAsync(cancellationToken);
        if (NextOutcome != SendOutcome.Sent)
        {
            return new SendResult(NextOutcome, null, null, "simulated");
        }

        Sent.Enqueue((kind, place, target, message));
        return SendResult.Ok(thread, activityId ?? Guid.NewGuid().ToString("N"));
    }
}

/// <summary>Keeps triggers in memory: next fire = the Core occurrence maths.</summary>
public sealed class RecordingScheduler : IStudyScheduler
{
    public ConcurrentDictionary<Guid, DailySchedule> Daily { get; } = new();

    public ConcurrentDictionary<string, DateTimeOffset> Once { get; } = new();

    /// <summary>The one-off timers that run late when missed beyond the grace period.</summary>
    public ConcurrentDictionary<string, byte> RunLate { get; } = new();

    public Task ScheduleDailyAsync(DailySchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Daily[schedule.Id] = schedule;
        return Task.CompletedTask;
    }

    public Task UnscheduleDailyAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        Daily.TryRemove(scheduleId, out _);
        return Task.CompletedTask;
    }

    public Task ScheduleOnceAsync(string kind, string id, DateTimeOffset dueUtc, MissedTimer whenMissed = MissedTimer.Skip, CancellationToken cancellationToken = default)
    {
        Once[$"{kind}:{id}"] = dueUtc;
        if (whenMissed == MissedTimer.RunLate)
        {
            RunLate[$"{kind}:{id}"] = 0;
        }
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetNextFireTimeAsync(Guid scheduleId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Daily.TryGetValue(scheduleId, out var s) ? Core.Channels.Scheduling.DailyOccurrences.Next(s, DateTimeOffset.UtcNow) : null);
}
