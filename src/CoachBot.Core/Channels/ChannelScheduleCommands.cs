using System.Globalization;
using CoachBot.Core.Admin;
using CoachBot.Core.Messages;

namespace CoachBot.Core.Channels;

/// <summary><c>unsubscribe</c>: stops every question-of-the-day schedule of the place (<see cref="ChannelAdmin.UnsubscribeAsync"/>).</summary>
public sealed class UnsubscribeCommand(ChannelAdmin channels) : IChannelCommand
{
    public string Name => "unsubscribe";

    public string Usage => "unsubscribe";

    public string Description => "stop the question of the day here";

    public string? AdminAction => "unsubscribe the channel";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return [CoachMessage.FromText((await channels.UnsubscribeAsync(turn.Actor(), turn.Place.PlaceKey, cancellationToken)).Message)];
    }
}

/// <summary><c>schedule</c>: shows the place's schedules and their next posts.</summary>
public sealed class ScheduleCommand(IStudyChannelStore store, IStudyScheduler scheduler) : IChannelCommand
{
    public string Name => "schedule";

    public string Usage => "schedule";

    public string Description => "show this channel's question-of-the-day schedule";

    public string? AdminAction => null;

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var schedules = (await store.GetSchedulesAsync(turn.Place.PlaceKey, cancellationToken)).Where(s => s.Active).ToList();
        if (schedules.Count == 0)
        {
            return [CoachMessage.FromText("No question of the day here yet. An admin can start one: subscribe daily 09:00 Europe/Berlin weekdays.")];
        }

        var facts = new List<CoachFact>();
        foreach (var s in schedules)
        {
            var next = await scheduler.GetNextFireTimeAsync(s.Id, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId);
            var nextText = next is { } n ? TimeZoneInfo.ConvertTime(n, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "not scheduled";
            var skips = s.SkipDates.Count == 0 ? string.Empty : $"; skipping {string.Join(", ", s.SkipDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}";
            facts.Add(new CoachFact(
                string.Create(CultureInfo.InvariantCulture, $"{s.LocalTime:HH\\:mm} {s.TimeZoneId}"),
                $"{DaysText(s.Days)}, set {s.SetId}; next {nextText}{skips}"));
        }

        return [new CoachMessage
        {
            Blocks = [new TextBlock("Question of the day", TextStyle.Heading), new FactsBlock(facts), new TextBlock($"Feedback goes to each author {(turn.Place.Feedback == FeedbackMode.Public ? "in the thread" : "privately")}.", TextStyle.Subtle)],
            Summary = "This channel's question-of-the-day schedule",
        }];
    }

    /// <summary>"weekdays", "every day" or the day names.</summary>
    public static string DaysText(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var set = days.ToHashSet();
        return set.Count == 7 ? "every day"
            : set.SetEquals([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]) ? "weekdays"
            : string.Join(",", days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3].ToLowerInvariant()));
    }
}

/// <summary><c>skip yyyy-mm-dd</c>: no question of the day on that local date (holidays).</summary>
public sealed class SkipCommand(ChannelAdmin channels) : IChannelCommand
{
    public string Name => "skip";

    public string Usage => "skip yyyy-mm-dd";

    public string Description => "no question of the day on that date (holidays)";

    public string? AdminAction => "change the schedule";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await channels.TodayAtAsync(turn.Place.PlaceKey, cancellationToken) is not { } today)
        {
            return [CoachMessage.FromText("There's no question of the day here to skip. Subscribe the channel first.")];
        }

        var parsed = Scheduling.ScheduleSpec.ParseSkip(arguments, today);
        if (parsed.Value is not { } spec)
        {
            return [CoachMessage.FromText(parsed.Error!)];
        }

        var result = await channels.SkipAsync(turn.Actor(), turn.Place.PlaceKey, spec.Date, cancellationToken);
        return [CoachMessage.FromText(result.Succeeded ? spec.Notice ?? result.Message : result.Message)];
    }
}

/// <summary><c>subscribe daily HH:MM zone [days] [set id]</c>: starts (or replaces) the place's question of the day.</summary>
public sealed class SubscribeCommand(ChannelAdmin channels) : IChannelCommand
{
    public string Name => "subscribe";

    public string Usage => "subscribe daily HH:MM <time zone> [weekdays|every day|mon,tue,…] [set <id>]";

    public string Description => "post a question of the day here at that local time";

    public string? AdminAction => "change the schedule";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var parsed = Scheduling.ScheduleSpec.ParseDaily($"subscribe {arguments}");
        if (parsed.Value is not { } spec)
        {
            return [CoachMessage.FromText(parsed.Error!)];
        }

        var result = await channels.SubscribeAsync(turn.Actor(), turn.Place.PlaceKey, spec, cancellationToken);
        if (result.Value is not { } subscribed)
        {
            return [CoachMessage.FromText(result.Message)];
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZoneId);
        var nextText = subscribed.View.NextFireUtc is { } n ? TimeZoneInfo.ConvertTime(n, zone).ToString("dddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "not scheduled";
        return [CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
            $"Subscribed: a question of the day from \"{subscribed.SetTitle}\" at {spec.LocalTime:HH\\:mm} {spec.TimeZoneId}, {ScheduleCommand.DaysText(spec.Days)}. First one: {nextText}. Admins can skip dates with skip yyyy-mm-dd."))];
    }
}

/// <summary><c>run now</c>: posts the next question of the day at once.</summary>
public sealed class RunNowCommand(IStudyChannelStore store, DailyPromptRunner runner, SetActivation activation) : IChannelCommand
{
    public string Name => "run now";

    public string Usage => "run now";

    public string Description => "post the next question of the day at once";

    public string? AdminAction => "post a question on demand";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var schedule = (await store.GetSchedulesAsync(turn.Place.PlaceKey, cancellationToken)).LastOrDefault(s => s.Active);
        var setId = schedule?.SetId ?? await activation.ResolveAsync(null, turn.Place.PlaceKey, turn.Place.TeamId, cancellationToken);
        var result = await runner.RunNowAsync(turn.Place, schedule, setId, cancellationToken);
        return result?.Outcome switch
        {
            SendOutcome.Sent => [],
            null => [CoachMessage.FromText("I couldn't post a question: the set has no enabled questions.")],
            _ => [CoachMessage.FromText("I couldn't post the question here right now. Please try again later.")],
        };
    }
}

/// <summary><c>feedback public|private</c>: where answer feedback goes.</summary>
public sealed class FeedbackModeCommand(IStudyChannelStore store) : IChannelCommand
{
    public string Name => "feedback";

    public string Usage => "feedback public|private";

    public string Description => "send answer feedback in the thread, or privately (default)";

    public string? AdminAction => "change where feedback goes";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        FeedbackMode? mode = arguments.Trim().ToLowerInvariant() switch
        {
            "public" => FeedbackMode.Public,
            "private" => FeedbackMode.Private,
            _ => null,
        };
        if (mode is not { } chosen)
        {
            return [CoachMessage.FromText("Use feedback public (I reply in the question's thread) or feedback private (each author gets feedback 1:1).")];
        }

        await store.SetFeedbackModeAsync(turn.Place.PlaceKey, chosen, cancellationToken);
        return [CoachMessage.FromText(chosen == FeedbackMode.Public
            ? "From now on I reply to answers in the question's thread, for everyone to see."
            : "From now on each author gets their feedback privately, in a 1:1 chat with me.")];
    }
}

/// <summary><c>name me on|off</c>: whether recaps may name the member among the top answers.</summary>
public sealed class NameMeCommand(IStudyChannelStore store) : IChannelCommand
{
    public string Name => "name me";

    public string Usage => "name me on|off";

    public string Description => "let recaps name you among the top answers (off by default)";

    public string? AdminAction => null;

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        bool? on = arguments.Trim().ToLowerInvariant() switch { "on" or "yes" => true, "off" or "no" => false, _ => null };
        if (on is not { } named)
        {
            return [CoachMessage.FromText("Use name me on (recaps may list you among the top answers) or name me off.")];
        }

        await store.SetNamedInRecapsAsync(turn.Place.PlaceKey, turn.UserKey, named, cancellationToken);
        return [CoachMessage.FromText(named
            ? $"OK {turn.UserName ?? "there"}: recaps may name you among the top answers."
            : "OK: recaps won't name you.")];
    }
}
