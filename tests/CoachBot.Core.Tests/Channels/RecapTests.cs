using CoachBot.Core.Channels;
using CoachBot.Core.QuestionSets;
using static CoachBot.Core.Tests.Channels.ChannelTestData;

namespace CoachBot.Core.Tests.Channels;

public sealed class RecapTests
{
    private static readonly QuestionSet Set = new("set", "Set", "d", "test", 1,
        [new MentalModel("a", "Alpha", "Alpha means a.", []), new MentalModel("b", "Beta", "Beta means b.", [])], [],
        [new Question("q1", "Why?", QuestionType.Concept, null, null, [])]);

    [Fact]
    public void Build_ThreeAnswers_CountsAveragesPerModelAndFindsTheWeakest()
    {
        var prompt = Prompt(0);
        var answers = new[]
        {
            Answer(prompt, "u1", 80, "Ana", ("a", 90), ("b", 30)),
            Answer(prompt, "u2", 60, "Bo", ("a", 60), ("b", 40)),
            Answer(prompt, "u3", 40, "Cy", ("a", 30), ("b", 20)),
        };

        var recap = Recap.Build(Set, answers, new HashSet<string> { "u1", "u3" }, _ => 2);

        Assert.Equal(3, recap.Answers);
        Assert.Equal(60, recap.ModelAverages.Single(m => m.Model.Slug == "a").Average);
        Assert.Equal(30, recap.ModelAverages.Single(m => m.Model.Slug == "b").Average);
        Assert.Equal("b", recap.Weakest!.Slug);
        Assert.Equal([("Ana", 80, 2), ("Cy", 40, 2)], recap.TopNamed);
    }

    [Fact]
    public void Build_MemberAnsweredTwice_OnlyTheLatestCounts()
    {
        var prompt = Prompt(0);
        var first = Answer(prompt, "u1", 20, "Ana", ("a", 20), ("b", 20));
        var second = Answer(prompt, "u1", 90, "Ana", ("a", 90), ("b", 90)) with { CreatedAt = first.CreatedAt.AddMinutes(5) };

        var recap = Recap.Build(Set, [first, second], new HashSet<string>(), _ => 1);

        Assert.Equal(1, recap.Answers);
        Assert.Equal(90, recap.ModelAverages[0].Average);
        Assert.Empty(recap.TopNamed);
    }

    [Fact]
    public void RecapMessage_ShowsCountAveragesWeakestAndOnlyNamedMembers()
    {
        var prompt = Prompt(0);
        var answers = new[] { Answer(prompt, "u1", 80, "Ana", ("a", 90), ("b", 30)), Answer(prompt, "u2", 95, "Secret", ("a", 95), ("b", 95)) };
        var text = StudyChannelMessages.RecapMessage(Set, Set.Questions[0], Recap.Build(Set, answers, new HashSet<string> { "u1" }, _ => 3)).ToPlainText();

        Assert.Contains("Recap · 2 answers", text, StringComparison.Ordinal);
        Assert.Contains("Alpha: class average 93/100", text, StringComparison.Ordinal);
        Assert.Contains("Weakest area: Beta", text, StringComparison.Ordinal);
        Assert.Contains("Ana: 80/100 · streak 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RecapMessage_NoAnswers_SaysSo()
    {
        var text = StudyChannelMessages.RecapMessage(Set, Set.Questions[0], Recap.Build(Set, [], new HashSet<string>(), _ => 0)).ToPlainText();

        Assert.Contains("nobody answered", text, StringComparison.Ordinal);
    }
}
