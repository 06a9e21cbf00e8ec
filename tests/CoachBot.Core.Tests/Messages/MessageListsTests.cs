using CoachBot.Core.Messages;

namespace CoachBot.Core.Tests.Messages;

public sealed class MessageListsTests
{
    [Fact]
    public void Facts_OverTwenty_ShowTwentyAndSayHowManyMore()
    {
        var facts = Enumerable.Range(1, 23).Select(i => new CoachFact($"q{i}", "text")).ToList();

        var blocks = MessageLists.Facts(facts);

        Assert.Equal(20, Assert.IsType<FactsBlock>(blocks[0]).Facts.Count);
        Assert.Equal("\u2026 and 3 more.", Assert.IsType<TextBlock>(blocks[1]).Text);
    }

    [Fact]
    public void Facts_TotalAsALowerBound_SaysNPlus() =>
        Assert.Equal("\u2026 and 199+ more.", MessageLists.Facts([new CoachFact("a", "b")], total: 200, atLeast: true)[1].ToPlainText());

    [Fact]
    public void Facts_AtMostTwenty_AreAllShown_AndNoneIsNothing()
    {
        Assert.Single(MessageLists.Facts([.. Enumerable.Range(1, 20).Select(i => new CoachFact($"{i}", "x"))]));
        Assert.Empty(MessageLists.Facts([]));
    }

    [Fact]
    public void Lines_AreBulleted_AndBounded()
    {
        var blocks = MessageLists.Lines([.. Enumerable.Range(1, 21).Select(i => $"change {i}")]);

        Assert.Equal(("• change 1", "\u2026 and 1 more."), (blocks[0].ToPlainText(), blocks[^1].ToPlainText()));
        Assert.Equal(21, blocks.Count);
    }

    [Theory]
    [InlineData(1, "1 question")]
    [InlineData(0, "0 questions")]
    [InlineData(2, "2 questions")]
    public void Counted_SingularOnlyForOne(int count, string expected) => Assert.Equal(expected, MessageLists.Counted(count, "question"));

    [Fact]
    public void Clip_LongText_IsOneLineWithAnEllipsis() =>
        Assert.Equal("abc de\u2026", MessageLists.Clip("abc de\nfghij", 8));
}
