using CoachBot.Infrastructure.Scheduling;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>How a re-run job finds the occurrence it stands for (the original firing's scheduled time, as Quartz hands it over).</summary>
public sealed class StudyTriggersTests
{
    private static readonly DateTimeOffset Original = new(2026, 11, 26, 8, 36, 20, TimeSpan.Zero);

    [Theory]
    [InlineData("11/26/2026 08:36:20 +00:00")] // DateTimeOffset.ToString() of the recovering instance (invariant culture)
    [InlineData("1795682180000")] // milliseconds since the epoch
    public void TryParseTime_TheFormsQuartzWrites_TheOriginalTime(string text)
    {
        Assert.True(StudyTriggers.TryParseTime(text, out var time));
        Assert.Equal(Original, time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a time")]
    public void TryParseTime_Garbage_False(string? text) => Assert.False(StudyTriggers.TryParseTime(text, out _));

    [Fact]
    public void CronExpression_KeepsTheSecondsOfTheLocalTime()
    {
        var schedule = QuartzFireTimesTests.Schedule("Etc/UTC", 9, 5) with { LocalTime = new TimeOnly(9, 5, 42) };

        Assert.Equal("42 5 9 ? * *", StudyTriggers.CronExpression(schedule));
    }
}
