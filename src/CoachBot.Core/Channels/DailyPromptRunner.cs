using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Channels;

/// <summary>
/// Posts questions of the day and recaps when the scheduler says they are due. Each post goes through the
/// <see cref="DeliveryLedger"/> (recorded before it is sent, gated right before its request leaves, marked after), so
/// an occurrence reaches a place once across instances; a post left pending by a stopped or dead instance is sent by
/// another (<see cref="RecoverPendingAsync"/>). Quiz timers go to <see cref="Quizzes.QuizService"/>.
/// </summary>
public sealed partial class DailyPromptRunner(
    IStudyChannelStore store,
    IQuestionSetStore sets,
    IChannelMessenger messenger,
    IStudyScheduler scheduler,
    DeliveryLedger ledger,
    PlaceLifecycle lifecycle,
    Quizzes.QuizService quizzes,
    IOptions<StudyChannelOptions> options,
    DeliveryMetrics deliveries,
    TimeProvider time,
    ILogger<DailyPromptRunner> logger) : IStudyChannelJobs
{
    /// <summary>The one-off timer kind of recaps.</summary>
    public const string RecapKind = "recap";

    private const string DailyKind = "daily";
    private readonly StudyChannelOptions _options = options.Value;

    /// <inheritdoc />
    public async Task RunDailyAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken = default)
    {
        var schedule = await store.GetScheduleAsync(scheduleId, cancellationToken);
        if (schedule is not { Active: true } || await store.GetPlaceAsync(schedule.PlaceKey, cancellationToken) is not { Active: true } place)
        {
            LogInactive(logger, scheduleId);
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrenceUtc, zone).DateTime);
        var key = DeliveryKey(DailyKind, scheduleId, occurrenceUtc, place.PlaceKey);
        if (schedule.SkipDates.Contains(localDate))
        {
            await RecordSkippedAsync(key, place.PlaceKey, occurrenceUtc, "holiday", cancellationToken);
            LogHoliday(logger, scheduleId, localDate);
            return;
        }

        if (time.GetUtcNow() - occurrenceUtc > _options.MissedGracePeriod)
        {
            await RecordSkippedAsync(key, place.PlaceKey, occurrenceUtc, "missed beyond the grace period", cancellationToken);
            LogMissed(logger, scheduleId, occurrenceUtc);
            return;
        }

        // The next occurrence from the Core maths (tested to match the trigger's), not from the scheduler: a run still
        // in progress while the scheduler shuts down (a graceful stop) must be able to post.
        var next = Scheduling.DailyOccurrences.Next(schedule, occurrenceUtc);
        await PostQuestionAsync(place, schedule.SetId, scheduleId, occurrenceUtc, next, zone, cancellationToken);
    }

    /// <summary><c>run now</c>: posts the next question at once (its own occurrence: now).</summary>
    public async Task<SendResult?> RunNowAsync(StudyPlace place, DailySchedule? schedule, string setId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        var zone = schedule is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var next = schedule is null ? null : await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken);
        return await PostQuestionAsync(place, setId, schedule?.Id ?? Guid.Empty, time.GetUtcNow(), next, zone, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RunOnceAsync(string kind, string id, DateTimeOffset dueUtc, CancellationToken cancellationToken = default)
    {
        if (kind == RecapKind && Guid.TryParse(id, out var promptId))
        {
            await PostRecapAsync(promptId, cancellationToken);
        }
        else if (Quizzes.QuizService.IsQuizKind(kind))
        {
            await quizzes.RunTimerAsync(kind, id, cancellationToken);
        }
        else
        {
            LogUnknownTimer(logger, kind);
        }
    }

    /// <inheritdoc />
    /// <remarks>Daily questions within the grace period, recaps, quiz steps; deliveries of live instances are left to them.</remarks>
    public async Task<int> RecoverPendingAsync(CancellationToken cancellationToken = default)
    {
        var recovered = 0;
        foreach (var delivery in await store.GetPendingDeliveriesAsync(cancellationToken))
        {
            if (!await ledger.IsOrphanedAsync(delivery, cancellationToken))
            {
                continue;
            }

            if (delivery.Kind == DailyKind && TryParseDailyKey(delivery.Key, out var scheduleId, out var occurrence))
            {
                await RunDailyAsync(scheduleId, occurrence, cancellationToken);
                recovered++;
            }
            else if (delivery.Kind == RecapKind && Guid.TryParse(delivery.Key.AsSpan(RecapKind.Length + 1), out var promptId))
            {
                await PostRecapAsync(promptId, cancellationToken);
                recovered++;
            }
            else if (Quizzes.QuizService.IsQuizKind(delivery.Kind) && delivery.Key.StartsWith(delivery.Kind + ":", StringComparison.Ordinal))
            {
                await quizzes.RunTimerAsync(delivery.Kind, delivery.Key[(delivery.Kind.Length + 1)..], cancellationToken);
                recovered++;
            }
        }

        return recovered;
    }

    private async Task<SendResult?> PostQuestionAsync(
        StudyPlace place, string setId, Guid scheduleId, DateTimeOffset occurrenceUtc, DateTimeOffset? nextUtc, TimeZoneInfo zone, CancellationToken ct)
    {
        var key = DeliveryKey(DailyKind, scheduleId, occurrenceUtc, place.PlaceKey);
        if (!await ledger.BeginAsync(key, DailyKind, place.PlaceKey, occurrenceUtc, ct))
        {
            return null; // this occurrence already reached the place, or a live instance is posting it
        }

        var set = await sets.GetLatestAsync(setId, ct);
        var prompts = await store.GetPromptsAsync(place.PlaceKey, ct);
        var promptId = DeterministicId(key);
        var prompt = prompts.FirstOrDefault(p => p.Id == promptId);
        if (prompt is null)
        {
            var question = set is null ? null : ChannelRotation.Next(set, [.. prompts.Where(p => p.SetId == setId).Select(p => p.QuestionId)]);
            if (set is null || question is null)
            {
                await ledger.FailAsync(key, set is null ? $"unknown set {setId}" : "no enabled questions", ct);
                deliveries.Ended(DailyKind, SendOutcome.Failed);
                return null;
            }

            prompt = new DailyPrompt(promptId, scheduleId, place.PlaceKey, occurrenceUtc, set.Id, set.Version, question.Id, null, Scheduling.DailyOccurrences.RecapDue(occurrenceUtc, nextUtc), null);
            await store.TryAddPromptAsync(prompt, ct);
        }

        // The recap's timer is set before the post: when the scheduler is already shut down (a graceful stop) the run
        // fails here with nothing sent, and the delivery stays pending for another instance. A recap of a question that
        // was never posted is skipped.
        await scheduler.ScheduleOnceAsync(RecapKind, prompt.Id.ToString("N"), prompt.RecapDueUtc, MissedTimer.RunLate, ct);
        var promptSet = await sets.GetVersionAsync(prompt.SetId, prompt.SetVersion, ct) ?? set!;
        var message = StudyChannelMessages.DailyQuestion(promptSet, promptSet.FindQuestion(prompt.QuestionId)!, prompt.RecapDueUtc, zone, place.Kind);
        var result = await messenger.PostAsync(place, message, ledger.GateFor(key), ct);
        if (result.Outcome == SendOutcome.Withheld)
        {
            return null;
        }

        // Once posted, what the post needs is recorded even if shutdown has begun meanwhile (a few quick writes).
        await FinishSendAsync(key, DailyKind, place, result, CancellationToken.None);
        if (result.Outcome == SendOutcome.Sent)
        {
            await store.UpdatePromptAsync(prompt with { ThreadId = result.ThreadId, PostId = result.ActivityId }, CancellationToken.None);
            LogPosted(logger, place.PlaceKey, prompt.QuestionId);
        }

        return result;
    }

    private async Task PostRecapAsync(Guid promptId, CancellationToken ct)
    {
        if (await store.GetPromptAsync(promptId, ct) is not { ThreadId: not null } prompt // never posted: nothing to recap
            || await store.GetPlaceAsync(prompt.PlaceKey, ct) is not { Active: true } place
            || await sets.GetVersionAsync(prompt.SetId, prompt.SetVersion, ct) is not { } set
            || set.FindQuestion(prompt.QuestionId) is not { } question)
        {
            return;
        }

        var key = $"{RecapKind}:{promptId:N}";
        if (!await ledger.BeginAsync(key, RecapKind, place.PlaceKey, prompt.RecapDueUtc, ct))
        {
            return;
        }

        var answers = await store.GetAnswersAsync(promptId, ct);
        var named = await store.GetNamedMembersAsync(place.PlaceKey, ct);
        var prompts = await store.GetPromptsAsync(place.PlaceKey, ct);
        var answered = await store.GetAnsweredPromptIdsByMemberAsync(place.PlaceKey, named, ct); // only named members' streaks are shown
        var now = time.GetUtcNow();
        var recap = Recap.Build(set, answers, named, user => Streaks.For(prompts, answered.TryGetValue(user, out var ids) ? ids : new HashSet<Guid>(), now));
        var message = StudyChannelMessages.RecapMessage(set, question, recap);
        var result = prompt.ThreadId is { } thread
            ? await messenger.ReplyInThreadAsync(place, thread, message, ledger.GateFor(key), ct)
            : await messenger.PostAsync(place, message, ledger.GateFor(key), ct);
        if (result.Outcome == SendOutcome.Withheld)
        {
            return;
        }

        await FinishSendAsync(key, RecapKind, place, result, CancellationToken.None);
        if (result.Outcome == SendOutcome.Sent)
        {
            await store.UpdatePromptAsync(prompt with { RecapSentAt = now }, CancellationToken.None);
        }
    }

    private async Task FinishSendAsync(string key, string kind, StudyPlace place, SendResult result, CancellationToken ct)
    {
        await ledger.FinishAsync(key, result, ct);
        deliveries.Ended(kind, result.Outcome);
        if (result.Outcome == SendOutcome.Blocked)
        {
            // Removed or blocked (403): pause the place and its schedules; nothing retries forever.
            await lifecycle.DeactivateAsync(place.PlaceKey, PlaceEndReason.Blocked, ct);
        }
        else if (result.Outcome == SendOutcome.Failed)
        {
            LogSendFailed(logger, place.PlaceKey, kind, result.Error ?? "unknown");
        }
    }

    private async Task RecordSkippedAsync(string key, string placeKey, DateTimeOffset occurrenceUtc, string reason, CancellationToken ct)
    {
        if (await ledger.RecordSkippedAsync(key, DailyKind, placeKey, occurrenceUtc, reason, ct))
        {
            deliveries.Skipped(DailyKind);
        }
    }

    /// <summary>The delivery key of a daily post: unique per schedule, occurrence and place.</summary>
    public static string DeliveryKey(string kind, Guid scheduleId, DateTimeOffset occurrenceUtc, string placeKey) =>
        $"{kind}:{scheduleId:N}:{occurrenceUtc.UtcTicks}:{placeKey}";

    private static bool TryParseDailyKey(string key, out Guid scheduleId, out DateTimeOffset occurrence)
    {
        var parts = key.Split(':', 4);
        occurrence = default;
        scheduleId = default;
        if (parts.Length == 4 && Guid.TryParse(parts[1], out scheduleId) && long.TryParse(parts[2], out var ticks))
        {
            occurrence = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static Guid DeterministicId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Posted question {QuestionId} of the day to {PlaceKey}")]
    private static partial void LogPosted(ILogger logger, string placeKey, string questionId);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Schedule {ScheduleId} is inactive or its place is gone; nothing posted")]
    private static partial void LogInactive(ILogger logger, Guid scheduleId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Schedule {ScheduleId} skips {Date} (holiday)")]
    private static partial void LogHoliday(ILogger logger, Guid scheduleId, DateOnly date);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} missed its {Occurrence:o} occurrence beyond the grace period; skipped")]
    private static partial void LogMissed(ILogger logger, Guid scheduleId, DateTimeOffset occurrence);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Sending {Kind} to {PlaceKey} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string placeKey, string kind, string error);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "Unknown timer kind {Kind} ignored")]
    private static partial void LogUnknownTimer(ILogger logger, string kind);
}
