using CoachBot.Core.Channels;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Channels;

public sealed class ChannelRotationTests
{
    private static QuestionSet Set(params (string Id, bool Enabled)[] questions) => new("set", "Set", "d", "test", 1, [], [],
        [.. questions.Select(q => new Question(q.Id, $"{q.Id}?", QuestionType.Concept, null, null, [], q.Enabled))]);

    [Fact]
    public void Next_WalksEveryEnabledQuestionOnceThenStartsANewRound()
    {
        var set = Set(("q1", true), ("q2", false), ("q3", true), ("q4", true));
        var asked = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            asked.Add(ChannelRotation.Next(set, asked)!.Id);
        }

        Assert.Equal(["q1", "q3", "q4", "q1", "q3", "q4", "q1"], asked);
    }

    [Fact]
    public void Next_NoEnabledQuestion_Null()
    {
        Assert.Null(ChannelRotation.Next(Set(("q1", false)), []));
    }
}
