using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Tests.Practice.Commands;

public sealed class ChatCommandRouterTests
{
    [Theory]
    [InlineData("practice", "practice")]
    [InlineData("  Practice!  ", "practice")]
    [InlineData("\"NEXT.\"", "next")]
    [InlineData("forget   me", "forget me")]
    [InlineData("Forget me, confirm", "forget me, confirm")]
    [InlineData("?", "?")]
    [InlineData("", "")]
    public void Normalize_IgnoresCaseSurroundingPunctuationAndExtraSpaces(string input, string expected) =>
        Assert.Equal(expected, ChatCommandRouter.Normalize(input));

    [Fact]
    public void Normalize_LongText_IsNeverACommand() =>
        Assert.Equal(string.Empty, ChatCommandRouter.Normalize("next " + new string('x', 100)));

    [Fact]
    public void Match_FindsTheCommandByAnyTrigger_AndNothingForAnswers()
    {
        var sut = CreateSut(new FakeCommand("practice", "start"), new FakeCommand("stop"));
        Assert.Equal("practice", sut.Match("Start!")!.Triggers[0]);
        Assert.Equal("stop", sut.Match("STOP")!.Triggers[0]);
        Assert.Null(sut.Match("I would stop the breach"));
    }

    [Fact]
    public void Constructor_TwoCommandsClaimingOneTrigger_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CreateSut(new FakeCommand("next"), new FakeCommand("Next")));

    private static ChatCommandRouter CreateSut(params IChatCommand[] commands) => new(commands, practice: null!);

    private sealed class FakeCommand(params string[] triggers) : IChatCommand
    {
        public IReadOnlyList<string> Triggers => triggers;

        public string? Description => "fake";

        public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CoachMessage>>([]);
    }
}
