namespace CoachBot.Core.Channels.Scheduling;

/// <summary>Reads the days part of <c>subscribe daily</c>: <c>every day</c>, <c>weekdays</c>, <c>weekends</c> or a comma list of day names.</summary>
public static class ScheduleDays
{
    /// <summary>Every day, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> EveryDay { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Monday to Friday.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly IReadOnlyList<DayOfWeek> Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Parses <paramref name="text"/> (empty means every day); the days come back distinct, Monday first.</summary>
    /// <param name="text">The days as typed, e.g. <c>mon, wed,Friday</c>.</param>
    /// <param name="days">The days, when readable.</param>
    /// <param name="error">A user-facing message, when not.</param>
    public static bool TryParse(string text, out IReadOnlyList<DayOfWeek> days, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        days = EveryDay;
        error = string.Empty;
        var normalized = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        switch (normalized)
        {
            case "" or "every day" or "everyday" or "daily":
                return true;
            case "weekdays":
                days = Weekdays;
                return true;
            case "weekends":
                days = Weekend;
                return true;
        }

        var chosen = new HashSet<DayOfWeek>();
        foreach (var part in normalized.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryParseDay(part, out var day))
            {
                error = part.Length == 0
                    ? "I couldn't read the days: separate day names with single commas, e.g. mon,wed,fri"
                    : $"I couldn't read the day '{part}': use weekdays, every day, or day names such as mon,wed,fri";
                return false;
            }

            chosen.Add(day);
        }

        days = [.. EveryDay.Where(chosen.Contains)];
        return true;
    }

    private static bool TryParseDay(string name, out DayOfWeek day)
    {
        foreach (var candidate in EveryDay)
        {
            var full = candidate.ToString().ToLowerInvariant();
            if (name == full || name == full[..3])
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }
}
