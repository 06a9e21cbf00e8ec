using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;
using CoachBot.Infrastructure.Scheduling;
using Quartz;
using Quartz.Extensibility;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>The cron trigger (and skip calendar) Quartz is given fires exactly when <see cref="DailyOccurrences"/> says.</summary>
public sealed class QuartzFireTimesTests
{
    public static TheoryData<string, int, int, string> Schedules2027 => new()
    {
        { "Europe/Berlin", 9, 0, "2027-03-20" },
        { "Europe/Berlin", 9, 0, "2027-10-24" },
        { "America/New_York", 9, 0, "2027-03-07" },
        { "America/New_York", 9, 0, "2027-10-31" },
        { "Europe/Berlin", 18, 45, "2027-03-20" },
        { "America/New_York", 23, 30, "2027-10-31" },
        { "Europe/Berlin", 2, 30, "2027-03-20" },
        { "Europe/Berlin", 2, 30, "2027-10-24" },
        { "America/New_York", 2, 30, "2027-03-07" },
        { "America/New_York", 1, 30, "2027-10-31" },
    };

    [Theory]
    [MemberData(nameof(Schedules2027))]
    public void CronTrigger_AcrossThe2027Transitions_MatchesDailyOccurrences(string zone, int hour, int minute, string from)
    {
        var schedule = Schedule(zone, hour, minute);
        var start = StartOf(from);

        var quartz = FireTimes(schedule, start, 21);

        Assert.Equal(DailyOccurrences.After(schedule, start).Take(21), quartz);
        Assert.Equal(21, quartz.Select(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime)).Distinct().Count());
    }

    [Fact]
    public void CronTrigger_WeekdaysAndSkipDates_MatchesDailyOccurrences()
    {
        var schedule = Schedule("Europe/Berlin", 9, 0) with
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            SkipDates = [new DateOnly(2027, 3, 29), new DateOnly(2027, 3, 31), new DateOnly(2027, 3, 27)],
        };
        var start = StartOf("2027-03-24");

        var quartz = FireTimes(schedule, start, 10);

        Assert.Equal(DailyOccurrences.After(schedule, start).Take(10), quartz);
        Assert.DoesNotContain(new DateTimeOffset(2027, 3, 29, 7, 0, 0, TimeSpan.Zero), quartz);
    }

    [Fact]
    public void CronExpression_IsSecondZeroOfTheLocalMinute_OnTheChosenDays()
    {
        Assert.Equal("0 5 7 ? * *", StudyTriggers.CronExpression(Schedule("Europe/Berlin", 7, 5)));
        Assert.Equal("0 30 18 ? * SUN,MON,WED", StudyTriggers.CronExpression(
            Schedule("Europe/Berlin", 18, 30) with { Days = [DayOfWeek.Wednesday, DayOfWeek.Sunday, DayOfWeek.Monday] }));
    }

    /// <summary>What the scheduler does with a trigger: compute its first fire time, then advance it fire by fire.</summary>
    internal static List<DateTimeOffset> FireTimes(DailySchedule schedule, DateTimeOffset start, int count)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var trigger = (IOperableTrigger)StudyTriggers.DailyTrigger(schedule, zone, start);
        ICalendar? calendar = schedule.SkipDates.Count > 0 ? StudyTriggers.SkipCalendar(schedule, zone) : null;
        var times = new List<DateTimeOffset>();
        var next = trigger.ComputeFirstFireTimeUtc(calendar);
        while (next is { } time && times.Count < count)
        {
            times.Add(time);
            trigger.Triggered(calendar);
            next = trigger.NextFireTimeUtc;
        }

        return times;
    }

    internal static DailySchedule Schedule(string zone, int hour, int minute) =>
        new(Guid.NewGuid(), "slack:C1", new TimeOnly(hour, minute), zone, [.. Enum.GetValues<DayOfWeek>()], "backend", [], true, "admin", DateTimeOffset.UnixEpoch);

    private static DateTimeOffset StartOf(string date) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
