using CoachBot.Core.Channels;
using static CoachBot.Core.Tests.Channels.ChannelTestData;

namespace CoachBot.Core.Tests.Channels;

public sealed class StreaksTests
{
    [Fact]
    public void For_ThreeConsecutiveAnswers_IsThree()
    {
        var prompts = Enumerable.Range(0, 4).Select(d => Prompt(d)).ToList();
        var answers = prompts.Skip(1).Select(p => Answer(p, "u", 50)).ToList();

        Assert.Equal(3, Streaks.For("u", prompts, answers, Day1.AddDays(10)));
    }

    [Fact]
    public void For_GapBeforeTheLatest_CountsOnlySinceTheGap()
    {
        var prompts = Enumerable.Range(0, 4).Select(d => Prompt(d)).ToList();
        var answers = new[] { Answer(prompts[0], "u", 50), Answer(prompts[1], "u", 50), Answer(prompts[3], "u", 50) };

        Assert.Equal(1, Streaks.For("u", prompts, answers, Day1.AddDays(10)));
    }

    [Fact]
    public void For_LatestStillOpenAndUnanswered_DoesNotBreakTheStreak()
    {
        var prompts = Enumerable.Range(0, 3).Select(d => Prompt(d)).ToList();
        var answers = new[] { Answer(prompts[0], "u", 50), Answer(prompts[1], "u", 50) };

        Assert.Equal(2, Streaks.For("u", prompts, answers, prompts[2].OccurrenceUtc.AddHours(1)));
        Assert.Equal(0, Streaks.For("u", prompts, answers, prompts[2].RecapDueUtc.AddMinutes(1)));
    }

    [Fact]
    public void For_OtherMembersAnswers_DoNotCount()
    {
        var prompts = new[] { Prompt(0) };

        Assert.Equal(0, Streaks.For("u", prompts, [Answer(prompts[0], "v", 90)], Day1.AddDays(5)));
    }
}
