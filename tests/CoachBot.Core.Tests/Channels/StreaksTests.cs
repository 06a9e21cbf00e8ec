using CoachBot.Core.Channels;
using static CoachBot.Core.Tests.Channels.ChannelTestData;

namespace CoachBot.Core.Tests.Channels;

public sealed class StreaksTests
{
    [Fact]
    public void For_ThreeConsecutiveAnswers_IsThree()
    {
        var prompts = Enumerable.Range(0, 4).Select(d => Prompt(d)).ToList();

        Assert.Equal(3, Streaks.For(prompts, Answered(prompts[1], prompts[2], prompts[3]), Day1.AddDays(10)));
    }

    [Fact]
    public void For_GapBeforeTheLatest_CountsOnlySinceTheGap()
    {
        var prompts = Enumerable.Range(0, 4).Select(d => Prompt(d)).ToList();

        Assert.Equal(1, Streaks.For(prompts, Answered(prompts[0], prompts[1], prompts[3]), Day1.AddDays(10)));
    }

    [Fact]
    public void For_LatestStillOpenAndUnanswered_DoesNotBreakTheStreak()
    {
        var prompts = Enumerable.Range(0, 3).Select(d => Prompt(d)).ToList();
        var answered = Answered(prompts[0], prompts[1]);

        Assert.Equal(2, Streaks.For(prompts, answered, prompts[2].OccurrenceUtc.AddHours(1)));
        Assert.Equal(0, Streaks.For(prompts, answered, prompts[2].RecapDueUtc.AddMinutes(1)));
    }

    [Fact]
    public void For_NothingAnswered_IsZero()
    {
        Assert.Equal(0, Streaks.For([Prompt(0)], new HashSet<Guid>(), Day1.AddDays(5)));
    }

    [Fact]
    public void For_IdsOfPromptsNotInThePlace_DoNotCount()
    {
        var prompts = new[] { Prompt(0), Prompt(1) };

        Assert.Equal(1, Streaks.For(prompts, Answered(prompts[1], Prompt(0)), Day1.AddDays(5)));
    }

    private static HashSet<Guid> Answered(params DailyPrompt[] prompts) => [.. prompts.Select(p => p.Id)];
}
