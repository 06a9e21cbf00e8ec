using CoachBot.Core.Channels;

namespace CoachBot.Core.Tests.Channels.Scheduling;

/// <summary>Builders for schedules and the 2027 daylight-saving dates the tests cross.</summary>
internal static class ScheduleTestData
{
    /// <summary>Europe: clocks go forward at 02:00 on 28 March 2027 and back at 03:00 on 31 October 2027.</summary>
    public static readonly DateOnly BerlinSpring2027 = new(2027, 3, 28);

    public static readonly DateOnly BerlinAutumn2027 = new(2027, 10, 31);

    /// <summary>United States: forward at 02:00 on 14 March 2027, back at 02:00 on 7 November 2027.</summary>
    public static readonly DateOnly NewYorkSpring2027 = new(2027, 3, 14);

    public static readonly DateOnly NewYorkAutumn2027 = new(2027, 11, 7);

    public static DailySchedule Schedule(
        string zone = "Europe/Berlin",
        int hour = 9,
        int minute = 0,
        IReadOnlyList<DayOfWeek>? days = null,
        IReadOnlyList<DateOnly>? skip = null) =>
        new(
            Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "msteams:19:general@thread.tacv2",
            new TimeOnly(hour, minute),
            zone,
            days ?? [.. Enum.GetValues<DayOfWeek>()],
            "backend",
            skip ?? [],
            Active: true,
            "admin",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Midnight UTC on <paramref name="date"/>: a start point well before any 09:00 in Europe or America.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
