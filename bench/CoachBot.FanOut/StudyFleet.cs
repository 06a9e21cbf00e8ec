using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;

namespace CoachBot.FanOut;

/// <summary>Subscribes N Teams channel places (place + daily schedule through <see cref="IStudyChannelStore"/>) and fires one occurrence for all.</summary>
internal static class StudyFleet
{
    /// <summary>The bundled question set every schedule rotates through.</summary>
    public const string SetId = "amazon-customer-trust";

    /// <summary>How many <c>RunDailyAsync</c> calls run at once: what a scheduler with a worker pool would do.</summary>
    public const int Parallelism = 64;

    public static async Task<IReadOnlyList<DailySchedule>> SubscribeAsync(
        IStudyChannelStore store, string serviceUrl, int places, Func<int, string> tenantOf, string prefix)
    {
        var schedules = new DailySchedule[places];
        await Parallel.ForAsync(0, places, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var channel = $"19:{prefix}-{i:D5}@thread.tacv2";
            var place = new StudyPlace(
                $"msteams:{channel}", "msteams", channel, PlaceKind.TeamsChannel, serviceUrl, tenantOf(i), $"19:team-{prefix}@thread.tacv2", channel,
                "28:coachbot", "Interview study", Active: true, FeedbackMode.Private, DateTimeOffset.UtcNow);
            await store.UpsertPlaceAsync(place, reactivate: true, ct);
            var schedule = new DailySchedule(
                Guid.NewGuid(), place.PlaceKey, new TimeOnly(9, 0), "Europe/Berlin", ScheduleDays.EveryDay, SetId, [], true, "msteams:29:admin", DateTimeOffset.UtcNow);
            await store.SaveScheduleAsync(schedule, ct);
            schedules[i] = schedule;
        });
        return schedules;
    }

    /// <summary>Fires one occurrence (a minute ago, well inside the grace period) for every schedule, <see cref="Parallelism"/> at a time.</summary>
    public static Task FireAsync(DailyPromptRunner runner, IReadOnlyList<DailySchedule> schedules)
    {
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-1);
        return Parallel.ForEachAsync(schedules, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (schedule, ct) =>
            await runner.RunDailyAsync(schedule.Id, occurrence, ct));
    }
}
