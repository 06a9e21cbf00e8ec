using System.Globalization;
using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin;

/// <summary>A daily schedule with its next fire time.</summary>
public sealed record ScheduleView(DailySchedule Schedule, DateTimeOffset? NextFireUtc);

/// <summary>A place the bot is installed in, with its schedules.</summary>
public sealed record SubscriptionView(StudyPlace Place, IReadOnlyList<ScheduleView> Schedules);

/// <summary>A new question-of-the-day subscription: the schedule with its next post, and the set's title.</summary>
public sealed record Subscribed(ScheduleView View, string SetTitle);

/// <summary>
/// Study channels for admins, behind the channel chat commands, the REST API and the web page alike: where the bot is,
/// what each place is subscribed to, subscribing (one question of the day per place), unsubscribing, skipping dates,
/// and <c>run now</c> by schedule id. Every change is audited.
/// </summary>
public sealed class ChannelAdmin(
    IStudyChannelStore store, IStudyScheduler scheduler, DailyPromptRunner runner, AuditLog audit, IQuestionSetStore sets, SetActivation activation, TimeProvider time)
{
    /// <summary>
    /// Starts the place's question of the day, replacing the one it had. The set is the spec's, else the place's
    /// active set. Not found: the place or the set; refused: the bot was removed from the place.
    /// </summary>
    public async Task<AdminResult<Subscribed>> SubscribeAsync(AdminActor actor, string placeKey, DailyScheduleSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(spec);
        if (await store.GetPlaceAsync(placeKey, cancellationToken) is not { } place)
        {
            return AdminResult<Subscribed>.Fail(AdminStatus.NotFound, NoPlace(placeKey));
        }

        if (!place.Active)
        {
            return AdminResult<Subscribed>.Fail(AdminStatus.Refused, "The bot was removed from that place: add it again before subscribing.");
        }

        var placeSetId = await activation.ResolveAsync(null, place.PlaceKey, place.TeamId, cancellationToken);
        if (await sets.GetLatestAsync(spec.SetId ?? placeSetId, cancellationToken) is not { } set)
        {
            return AdminResult<Subscribed>.Fail(AdminStatus.NotFound, StudyChannelMessages.NoSuchSet(spec.SetId ?? placeSetId, placeSetId).ToPlainText());
        }

        // One question of the day per place: a new subscription replaces the old one.
        foreach (var old in (await store.GetSchedulesAsync(place.PlaceKey, cancellationToken)).Where(s => s.Active))
        {
            await scheduler.UnscheduleDailyAsync(old.Id, cancellationToken);
            await store.SaveScheduleAsync(old with { Active = false }, cancellationToken);
        }

        var schedule = new DailySchedule(Guid.NewGuid(), place.PlaceKey, spec.LocalTime, spec.TimeZoneId, spec.Days, set.Id, [], true, ActorKey(actor), time.GetUtcNow());
        await store.SaveScheduleAsync(schedule, cancellationToken);
        await scheduler.ScheduleDailyAsync(schedule, cancellationToken);
        var next = await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken);
        await audit.RecordAsync(actor, "schedule.subscribe", $"schedule/{schedule.Id:D}", null, null,
            string.Create(CultureInfo.InvariantCulture, $"{place.PlaceKey}: {spec.LocalTime:HH\\:mm} {spec.TimeZoneId}, {string.Join(',', spec.Days.Select(d => d.ToString()[..3].ToLowerInvariant()))}, set {set.Id}"),
            cancellationToken);
        return AdminResult<Subscribed>.Created(new Subscribed(new ScheduleView(schedule, next), set.Title), "Subscribed.");
    }

    /// <summary>Stops every question-of-the-day schedule of the place; the value is how many were active (0: nothing to stop).</summary>
    public async Task<AdminResult<int>> UnsubscribeAsync(AdminActor actor, string placeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.GetPlaceAsync(placeKey, cancellationToken) is null)
        {
            return AdminResult<int>.Fail(AdminStatus.NotFound, NoPlace(placeKey));
        }

        var active = (await store.GetSchedulesAsync(placeKey, cancellationToken)).Where(s => s.Active).ToList();
        foreach (var schedule in active)
        {
            await scheduler.UnscheduleDailyAsync(schedule.Id, cancellationToken);
            await store.SaveScheduleAsync(schedule with { Active = false }, cancellationToken);
            await audit.RecordAsync(actor, "schedule.unsubscribe", $"schedule/{schedule.Id:D}", null, null, placeKey, cancellationToken);
        }

        return AdminResult<int>.Ok(active.Count, active.Count == 0
            ? "This channel has no question of the day to stop."
            : "Done: no more questions of the day here. Answers and recaps so far are kept.");
    }

    /// <summary>No question of the day on <paramref name="date"/> (local to the schedule) in the place. Not found: no active schedule.</summary>
    public async Task<AdminResult<DateOnly>> SkipAsync(AdminActor actor, string placeKey, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var active = (await store.GetSchedulesAsync(placeKey, cancellationToken)).Where(s => s.Active).ToList();
        if (active.Count == 0)
        {
            return AdminResult<DateOnly>.Fail(AdminStatus.NotFound, "There's no question of the day here to skip. Subscribe the channel first.");
        }

        foreach (var s in active.Where(s => !s.SkipDates.Contains(date)))
        {
            var updated = s with { SkipDates = [.. s.SkipDates, date] };
            await store.SaveScheduleAsync(updated, cancellationToken);
            await scheduler.ScheduleDailyAsync(updated, cancellationToken); // the trigger's holiday calendar skips it too
            await audit.RecordAsync(actor, "schedule.skip", $"schedule/{s.Id:D}", null, null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
        }

        return AdminResult<DateOnly>.Ok(date, string.Create(CultureInfo.InvariantCulture, $"OK: no question of the day on {date:yyyy-MM-dd} ({date.DayOfWeek})."));
    }

    /// <summary>Today in the time zone of the place's active schedule (for "that date is past" notices), or null without one.</summary>
    public async Task<DateOnly?> TodayAtAsync(string placeKey, CancellationToken cancellationToken = default) =>
        (await store.GetSchedulesAsync(placeKey, cancellationToken)).FirstOrDefault(s => s.Active) is { } schedule
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId)).DateTime)
            : null;

    private static string NoPlace(string placeKey) =>
        $"The bot is not in a place '{ScheduleSpec.Clip(placeKey)}' (GET /api/admin/subscriptions lists where it is).";

    private static string ActorKey(AdminActor actor) => actor.Via == AdminVia.Chat ? actor.Id : $"{actor.Via.ToString().ToLowerInvariant()}:{actor.Id}";

    /// <summary>Every place with its schedules (active places first).</summary>
    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<SubscriptionView>();
        foreach (var place in (await store.GetPlacesAsync(cancellationToken)).OrderByDescending(p => p.Active))
        {
            var schedules = new List<ScheduleView>();
            foreach (var schedule in await store.GetSchedulesAsync(place.PlaceKey, cancellationToken))
            {
                schedules.Add(new ScheduleView(schedule, schedule.Active ? await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken) : null));
            }

            views.Add(new SubscriptionView(place, schedules));
        }

        return views;
    }

    /// <summary>One schedule, or <c>null</c>.</summary>
    public async Task<ScheduleView?> GetScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default) =>
        await store.GetScheduleAsync(scheduleId, cancellationToken) is { } schedule
            ? new ScheduleView(schedule, schedule.Active ? await scheduler.GetNextFireTimeAsync(schedule.Id, cancellationToken) : null)
            : null;

    /// <summary>Posts the schedule's next question in its place at once (the chat command <c>run now</c>, by schedule id).</summary>
    public async Task<AdminResult<SendResult>> RunNowAsync(AdminActor actor, Guid scheduleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.GetScheduleAsync(scheduleId, cancellationToken) is not { } schedule)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.NotFound, $"There is no schedule {scheduleId:D}.");
        }

        if (!schedule.Active || await store.GetPlaceAsync(schedule.PlaceKey, cancellationToken) is not { Active: true } place)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.Refused, "That schedule is paused (the bot was removed from its place, or it was unsubscribed).");
        }

        var result = await runner.RunNowAsync(place, schedule, schedule.SetId, cancellationToken);
        if (result is null)
        {
            return AdminResult<SendResult>.Fail(AdminStatus.NotFound, $"Set \"{schedule.SetId}\" has no questions to post.");
        }

        await audit.RecordAsync(actor, "schedule.run", $"schedule/{schedule.Id:D}", null, null, result.Outcome.ToString(), cancellationToken);
        return result.Outcome == SendOutcome.Sent
            ? AdminResult<SendResult>.Ok(result, "Posted the next question.")
            : AdminResult<SendResult>.Fail(AdminStatus.Refused, $"The post failed: {result.Error ?? result.Outcome.ToString()}.");
    }
}
