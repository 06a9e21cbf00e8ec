namespace CoachBot.Core.Channels.Scheduling;

/// <summary>
/// When a <see cref="DailySchedule"/> fires: at its local time on its days in its IANA zone, never on a skip date,
/// exactly once per chosen local day. On daylight-saving change days a local time the clocks skip fires at the
/// first instant after the gap (02:30 on a spring-forward night at 02:00 → 03:00 new time), and a local time the
/// clocks pass twice fires at the first (earlier) of the two instants. Pure: no clock, no I/O.
/// </summary>
public static class DailyOccurrences
{
    /// <summary>How long before the next occurrence a prompt's recap is due.</summary>
    public static readonly TimeSpan RecapLead = TimeSpan.FromHours(1);

    /// <summary>The longest a prompt stays open before its recap.</summary>
    public static readonly TimeSpan MaxAnswerWindow = TimeSpan.FromHours(24);

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or <c>null</c> when there is none within 400 days (every day skipped).</summary>
    /// <exception cref="TimeZoneNotFoundException">The schedule's zone is not known to the system.</exception>
    public static DateTimeOffset? Next(DailySchedule schedule, DateTimeOffset after)
    {
        foreach (var occurrence in After(schedule, after))
        {
            return occurrence;
        }

        return null;
    }

    /// <summary>
    /// The occurrences strictly after <paramref name="after"/>, in order, in UTC (lazy; looks at most 400 local days
    /// past the last one returned before stopping, so a schedule whose every day is skipped ends).
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The schedule's zone is not known to the system.</exception>
    public static IEnumerable<DateTimeOffset> After(DailySchedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var days = schedule.Days.ToHashSet();
        var skips = schedule.SkipDates.ToHashSet();
        return Enumerate(zone, schedule.LocalTime, days, skips, after);
    }

    /// <summary>The instant of <paramref name="time"/> on the local <paramref name="date"/> in <paramref name="zone"/>, by the gap and overlap rules above.</summary>
    public static DateTimeOffset OnLocalDate(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToInstant(date.ToDateTime(time, DateTimeKind.Unspecified), zone);

    /// <summary>
    /// The instant of a local wall-clock time: a skipped time maps to the first instant after the gap, a repeated
    /// time to the earlier instant. Returned in UTC.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one in force first (before the clocks went back).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        if (zone.IsInvalidTime(local))
        {
            // Step forward in whole minutes to the first valid local time: the end of the gap, the instant the
            // clocks jumped (transitions fall on whole minutes; seconds of a time inside a gap are dropped).
            var probe = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            do
            {
                probe = probe.AddMinutes(1);
            }
            while (zone.IsInvalidTime(probe));

            return new DateTimeOffset(probe, zone.GetUtcOffset(probe)).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// When the recap of a prompt posted at <paramref name="promptUtc"/> is due: <see cref="RecapLead"/> before the
    /// next occurrence, but no later than <see cref="MaxAnswerWindow"/> after the prompt (and never before it).
    /// </summary>
    /// <param name="promptUtc">The prompt's occurrence.</param>
    /// <param name="nextUtc">The schedule's next occurrence, or <c>null</c> when there is none.</param>
    public static DateTimeOffset RecapDue(DateTimeOffset promptUtc, DateTimeOffset? nextUtc)
    {
        var latest = promptUtc + MaxAnswerWindow;
        if (nextUtc is not { } next)
        {
            return latest.ToUniversalTime();
        }

        var due = next - RecapLead;
        if (due > latest)
        {
            due = latest;
        }

        return (due < promptUtc ? promptUtc : due).ToUniversalTime();
    }

    private static IEnumerable<DateTimeOffset> Enumerate(TimeZoneInfo zone, TimeOnly time, HashSet<DayOfWeek> days, HashSet<DateOnly> skips, DateTimeOffset after)
    {
        if (days.Count == 0)
        {
            yield break;
        }

        // Start a day early: the local date of "after" may be ahead of the occurrence's date in far-west zones.
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime).AddDays(-1);
        var idle = 0;
        while (idle <= 400)
        {
            if (days.Contains(date.DayOfWeek) && !skips.Contains(date))
            {
                var occurrence = OnLocalDate(date, time, zone);
                if (occurrence > after)
                {
                    idle = 0;
                    yield return occurrence;
                }
            }

            idle++;
            date = date.AddDays(1);
        }
    }
}
