using CoachBot.Core.Channels.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Channels.Scheduling;

public sealed class ScheduleSpecTests
{
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ParseDaily_TimeAndZone_DefaultsToEveryDayAndNoSet()
    {
        var result = ScheduleSpec.ParseDaily("09:00 Europe/Berlin");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new DailyScheduleSpec(new TimeOnly(9, 0), "Europe/Berlin", result.Value.Days, null), result.Value);
        Assert.Equal(ScheduleDays.EveryDay, result.Value.Days);
    }

    [Fact]
    public void ParseDaily_WithCommandWords_WeekdaysAndSet()
    {
        var result = ScheduleSpec.ParseDaily("  subscribe DAILY 7:05 America/New_York weekdays set backend-basics ");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new TimeOnly(7, 5), result.Value.LocalTime);
        Assert.Equal("America/New_York", result.Value.TimeZoneId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], result.Value.Days);
        Assert.Equal("backend-basics", result.Value.SetId);
    }

    [Theory]
    [InlineData("every day")]
    [InlineData("Every  Day")]
    [InlineData("daily")]
    public void ParseDaily_EveryDaySpellings_AreEveryDay(string days)
    {
        var result = ScheduleSpec.ParseDaily($"18:30 Europe/Berlin {days}");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(7, result.Value.Days.Count);
    }

    [Fact]
    public void ParseDaily_DayList_IsCaseInsensitive_AcceptsFullNames_DistinctAndMondayFirst()
    {
        var result = ScheduleSpec.ParseDaily("08:00 Europe/Berlin FRI, mon,Wednesday,fri,sun set s1");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday], result.Value.Days);
        Assert.Equal("s1", result.Value.SetId);
    }

    [Fact]
    public void ParseDaily_WindowsZoneId_IsReportedAsItsIanaId()
    {
        Assert.True(ScheduleTimeZones.TryResolve("W. Europe Standard Time", out var zone, out var iana));
        Assert.Equal("Europe/Berlin", iana);
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2027, 1, 15)));
    }

    [Theory]
    [InlineData("25:00 Europe/Berlin", "I couldn't read the time '25:00': use HH:MM, 24-hour, e.g. 09:00")]
    [InlineData("9am Europe/Berlin", "I couldn't read the time '9am': use HH:MM, 24-hour, e.g. 09:00")]
    [InlineData("09:60 Europe/Berlin", "I couldn't read the time '09:60': use HH:MM, 24-hour, e.g. 09:00")]
    [InlineData("٠٩:٠٠ Europe/Berlin", "I couldn't read the time '٠٩:٠٠': use HH:MM, 24-hour, e.g. 09:00")]
    [InlineData("09:00 Berlin", "Unknown time zone 'Berlin': use an IANA id such as Europe/Berlin")]
    [InlineData("09:00 ../../etc/passwd", "Unknown time zone '../../etc/passwd': use an IANA id such as Europe/Berlin")]
    [InlineData("09:00 Europe/Berlin funday", "I couldn't read the day 'funday': use weekdays, every day, or day names such as mon,wed,fri")]
    [InlineData("09:00 Europe/Berlin mon,,tue", "I couldn't read the days: separate day names with single commas, e.g. mon,wed,fri")]
    [InlineData("09:00 Europe/Berlin weekdays set", "Say which question set after 'set', e.g. set backend-basics")]
    [InlineData("09:00 Europe/Berlin set a b", "I didn't understand 'b' after the set id. " + ScheduleSpec.DailyUsage)]
    [InlineData("09:00 Europe/Berlin set <script>", "'<script>' isn't a question set id: use letters, digits, '-', '_' or '.', e.g. set backend-basics")]
    [InlineData("09:00", "Say which time zone after the time. " + ScheduleSpec.DailyUsage)]
    [InlineData("", ScheduleSpec.DailyUsage)]
    [InlineData(null, ScheduleSpec.DailyUsage)]
    public void ParseDaily_BadInput_SaysWhatIsWrong(string? arguments, string expected)
    {
        var result = ScheduleSpec.ParseDaily(arguments);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void ParseDaily_LongGarbage_IsClippedInTheMessage()
    {
        var result = ScheduleSpec.ParseDaily("09:00 " + new string('x', 500));

        Assert.Equal("Unknown time zone '" + new string('x', 40) + "…': use an IANA id such as Europe/Berlin", result.Error);
    }

    [Fact]
    public void ParseSkip_FutureDate_HasNoNotice()
    {
        var result = ScheduleSpec.ParseSkip("skip 2027-12-24", new DateOnly(2027, 3, 1));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new SkipDateSpec(new DateOnly(2027, 12, 24), false, null), result.Value);
    }

    [Fact]
    public void ParseSkip_PastDate_IsAcceptedWithANotice()
    {
        var result = ScheduleSpec.ParseSkip("2027-02-28", new DateOnly(2027, 3, 1));

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Value.IsInPast);
        Assert.Equal("2027-02-28 is already in the past, so skipping it changes nothing.", result.Value.Notice);
    }

    [Theory]
    [InlineData("2027-02-29", "I couldn't read the date '2027-02-29': use yyyy-mm-dd, e.g. 2027-03-28")]
    [InlineData("24.12.2027", "I couldn't read the date '24.12.2027': use yyyy-mm-dd, e.g. 2027-03-28")]
    [InlineData("", ScheduleSpec.SkipUsage)]
    [InlineData("2027-12-24 2027-12-25", ScheduleSpec.SkipUsage)]
    public void ParseSkip_BadInput_SaysWhatIsWrong(string arguments, string expected)
    {
        Assert.Equal(expected, ScheduleSpec.ParseSkip(arguments, new DateOnly(2027, 3, 1)).Error);
    }

    [Fact]
    public void ParseQuiz_Valid_ConvertsTheLocalStartToUtc()
    {
        var result = ScheduleSpec.ParseQuiz("quiz 2027-05-04 15:00 Europe/Berlin questions 5 minutes 3 set backend", Now);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            new QuizSpec(new DateTimeOffset(2027, 5, 4, 13, 0, 0, TimeSpan.Zero), new DateTime(2027, 5, 4, 15, 0, 0), "Europe/Berlin", 5, 3, "backend"),
            result.Value);
    }

    [Fact]
    public void ParseQuiz_KeywordsInAnyOrder_SetOptional()
    {
        var result = ScheduleSpec.ParseQuiz("2027-03-02 09:00 America/New_York minutes 60 questions 20", Now);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((20, 60, (string?)null), (result.Value.Questions, result.Value.Minutes, result.Value.SetId));
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero), result.Value.StartUtc);
    }

    [Fact]
    public void ParseQuiz_AmbiguousFallBackTime_IsTheFirstInstant()
    {
        var result = ScheduleSpec.ParseQuiz("2027-10-31 02:30 Europe/Berlin questions 1 minutes 1", Now);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), result.Value.StartUtc);
    }

    [Theory]
    [InlineData("2027-03-28 02:30 Europe/Berlin questions 5 minutes 3",
        "02:30 on 2027-03-28 doesn't exist in Europe/Berlin: the clocks skip it for daylight saving. Pick another time.")]
    [InlineData("2027-03-14 02:00 America/New_York questions 5 minutes 3",
        "02:00 on 2027-03-14 doesn't exist in America/New_York: the clocks skip it for daylight saving. Pick another time.")]
    [InlineData("2027-03-01 12:00 Europe/Berlin questions 5 minutes 3",
        "2027-03-01 12:00 (Europe/Berlin) has already passed: pick a time in the future.")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 21 minutes 3",
        "questions must be a whole number from 1 to 20, e.g. questions 5")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 0 minutes 3",
        "questions must be a whole number from 1 to 20, e.g. questions 5")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 5 minutes 61",
        "minutes must be a whole number from 1 to 60, e.g. minutes 3")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 5 minutes -1",
        "minutes must be a whole number from 1 to 60, e.g. minutes 3")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 5 minutes",
        "minutes must be a whole number from 1 to 60, e.g. minutes 3")]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 5",
        "Say how many questions and how many minutes each. " + ScheduleSpec.QuizUsage)]
    [InlineData("2027-05-04 15:00 Europe/Berlin questions 5 questions 6 minutes 2",
        "I didn't understand 'questions'. " + ScheduleSpec.QuizUsage)]
    [InlineData("2027-05-04 15:00 Europe/Berlin rounds 5",
        "I didn't understand 'rounds'. " + ScheduleSpec.QuizUsage)]
    [InlineData("2027-13-04 15:00 Europe/Berlin questions 5 minutes 3",
        "I couldn't read the date '2027-13-04': use yyyy-mm-dd, e.g. 2027-03-28")]
    [InlineData("2027-05-04 24:00 Europe/Berlin questions 5 minutes 3",
        "I couldn't read the time '24:00': use HH:MM, 24-hour, e.g. 09:00")]
    [InlineData("2027-05-04 15:00 CEST questions 5 minutes 3",
        "Unknown time zone 'CEST': use an IANA id such as Europe/Berlin")]
    [InlineData("2027-05-04 15:00", ScheduleSpec.QuizUsage)]
    public void ParseQuiz_BadInput_SaysWhatIsWrong(string arguments, string expected)
    {
        var result = ScheduleSpec.ParseQuiz(arguments, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }
}
