using CoachBot.Core.Channels.Scheduling;
using static CoachBot.Core.Tests.Channels.Scheduling.ScheduleTestData;

namespace CoachBot.Core.Tests.Channels.Scheduling;

public sealed class DailyOccurrencesTests
{
    public static TheoryData<string, DateOnly> Transitions2027 => new()
    {
        { "Europe/Berlin", BerlinSpring2027 },
        { "Europe/Berlin", BerlinAutumn2027 },
        { "America/New_York", NewYorkSpring2027 },
        { "America/New_York", NewYorkAutumn2027 },
    };

    [Theory]
    [MemberData(nameof(Transitions2027))]
    public void After_AcrossA2027Transition_FiresExactlyOncePerLocalDayAt0900(string zoneId, DateOnly transition)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var first = transition.AddDays(-3);

        var occurrences = DailyOccurrences.After(Schedule(zoneId), StartOf(first)).Take(7).ToList();

        var localDates = occurrences.Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, zone).DateTime)).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(first.AddDays), localDates);
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, zone).DateTime)));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.Zero, o.Offset));

        // The UTC time moves by the hour the clocks moved: not 24 h apart across the change.
        var gaps = occurrences.Zip(occurrences.Skip(1), (a, b) => b - a).ToList();
        Assert.Contains(gaps, g => g != TimeSpan.FromHours(24));
    }

    [Fact]
    public void After_Berlin0900_HasTheWinterAndSummerUtcTimes()
    {
        var occurrences = DailyOccurrences.After(Schedule(), StartOf(new DateOnly(2027, 3, 27))).Take(2).ToList();
        Assert.Equal([Utc(2027, 3, 27, 8), Utc(2027, 3, 28, 7)], occurrences);

        var autumn = DailyOccurrences.After(Schedule(), StartOf(new DateOnly(2027, 10, 30))).Take(2).ToList();
        Assert.Equal([Utc(2027, 10, 30, 7), Utc(2027, 10, 31, 8)], autumn);
    }

    [Fact]
    public void After_NewYork0900_HasTheWinterAndSummerUtcTimes()
    {
        var spring = DailyOccurrences.After(Schedule("America/New_York"), StartOf(new DateOnly(2027, 3, 13))).Take(2).ToList();
        Assert.Equal([Utc(2027, 3, 13, 14), Utc(2027, 3, 14, 13)], spring);

        var autumn = DailyOccurrences.After(Schedule("America/New_York"), StartOf(new DateOnly(2027, 11, 6))).Take(2).ToList();
        Assert.Equal([Utc(2027, 11, 6, 13), Utc(2027, 11, 7, 14)], autumn);
    }

    [Fact]
    public void After_Berlin0230OnTheSpringForwardDay_FiresOnceAtTheEndOfTheGap()
    {
        var occurrences = DailyOccurrences.After(Schedule(hour: 2, minute: 30), StartOf(new DateOnly(2027, 3, 27)).AddHours(-2)).Take(3).ToList();

        // 02:30 CET the day before; 02:30 does not exist on the 28th, so 03:00 CEST (01:00 UTC); 02:30 CEST after.
        Assert.Equal([Utc(2027, 3, 27, 1, 30), Utc(2027, 3, 28, 1, 0), Utc(2027, 3, 29, 0, 30)], occurrences);
    }

    [Fact]
    public void After_Berlin0230OnTheFallBackDay_FiresOnceAtTheEarlierInstant()
    {
        var occurrences = DailyOccurrences.After(Schedule(hour: 2, minute: 30), StartOf(new DateOnly(2027, 10, 31)).AddHours(-3)).Take(2).ToList();

        // 02:30 happens twice on the 31st (CEST, then CET): only the first, 00:30 UTC, not 01:30 UTC as well.
        Assert.Equal([Utc(2027, 10, 31, 0, 30), Utc(2027, 11, 1, 1, 30)], occurrences);
    }

    [Fact]
    public void Next_Weekdays_FromFridayMorning_IsMonday()
    {
        // 1 January 2027 is a Friday; its 09:00 Berlin (08:00 UTC) is the bound, so the next one is Monday the 4th.
        var next = DailyOccurrences.Next(Schedule(days: ScheduleDays.Weekdays), Utc(2027, 1, 1, 8));

        Assert.Equal(Utc(2027, 1, 4, 8), next);
    }

    [Fact]
    public void After_IsStrictlyAfterTheGivenInstant()
    {
        var next = DailyOccurrences.Next(Schedule(), Utc(2027, 1, 4, 8));

        Assert.Equal(Utc(2027, 1, 5, 8), next);
    }

    [Fact]
    public void After_SkipDates_AreNotFired()
    {
        var schedule = Schedule(days: ScheduleDays.Weekdays, skip: [new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 6)]);

        var occurrences = DailyOccurrences.After(schedule, Utc(2027, 1, 1, 12)).Take(3).ToList();

        Assert.Equal([Utc(2027, 1, 5, 8), Utc(2027, 1, 7, 8), Utc(2027, 1, 8, 8)], occurrences);
    }

    [Fact]
    public void Next_WhenEveryChosenDayIsSkipped_IsNull()
    {
        var mondays = Enumerable.Range(0, 120).Select(i => new DateOnly(2027, 1, 4).AddDays(7 * i)).ToList();

        Assert.Null(DailyOccurrences.Next(Schedule(days: [DayOfWeek.Monday], skip: mondays), Utc(2027, 1, 1, 0)));
    }

    [Fact]
    public void After_InAFarWestZone_FindsTheOccurrenceOnTheEarlierLocalDate()
    {
        // 2027-01-02 00:00 UTC is still the 1st in Honolulu (UTC-10): 20:00 there on the 1st is 06:00 UTC on the 2nd.
        var next = DailyOccurrences.Next(Schedule("Pacific/Honolulu", hour: 20), Utc(2027, 1, 2, 0));

        Assert.Equal(Utc(2027, 1, 2, 6), next);
    }

    [Fact]
    public void RecapDue_IsAnHourBeforeTheNextOccurrence_AtMost24HoursAfterThePrompt()
    {
        var prompt = Utc(2027, 1, 4, 8);

        Assert.Equal(Utc(2027, 1, 5, 7), DailyOccurrences.RecapDue(prompt, Utc(2027, 1, 5, 8)));
        Assert.Equal(Utc(2027, 1, 5, 8), DailyOccurrences.RecapDue(prompt, Utc(2027, 1, 7, 8)));
        Assert.Equal(Utc(2027, 1, 5, 8), DailyOccurrences.RecapDue(prompt, null));
    }

    [Fact]
    public void RecapDue_AcrossSpringForward_UsesTheRealGap()
    {
        // Berlin 09:00 on 27 March (08:00 UTC) then 28 March (07:00 UTC): 23 h apart, recap at 06:00 UTC.
        Assert.Equal(Utc(2027, 3, 28, 6), DailyOccurrences.RecapDue(Utc(2027, 3, 27, 8), Utc(2027, 3, 28, 7)));
    }
}
