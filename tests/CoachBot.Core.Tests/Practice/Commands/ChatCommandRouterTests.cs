using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;
using CoachBot.Core.Tests.Admin;
using Microsoft.Extensions.Logging.Abstractions;

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
        Assert.Null(sut.Match("stop the breach")); // exact commands take no arguments
    }

    [Theory]
    [InlineData("admin set security", "admin set", "security")]
    [InlineData("  Admin  SET   Security ", "admin set", "Security")]
    [InlineData("admin sets", "admin sets", "")]
    [InlineData("admin set", "admin set", "")]
    [InlineData("admin add question trust Why does trust matter?", "admin add question", "trust Why does trust matter?")]
    [InlineData("use security", "use", "security")]
    public void Find_LeadingTrigger_LongestWins_ArgumentsInOriginalCase(string text, string trigger, string arguments)
    {
        var match = CreateSut(Commands()).Find(text);

        Assert.Equal((trigger, arguments), (match?.Command.Triggers[0], match?.Arguments));
    }

    [Fact]
    public void Find_PastedLines_KeepTheirLineBreaks_AndMatchPastTheSixtyFourthCharacter()
    {
        var text = "admin import dry run\n# " + new string('T', 100) + "\n\nmore";

        var match = CreateSut(Commands()).Find(text);

        Assert.Equal("admin import", match?.Command.Triggers[0]);
        Assert.Equal("dry run\n# " + new string('T', 100) + "\n\nmore", match?.Arguments);
    }

    [Theory]
    [InlineData("Use TLS everywhere and rotate keys")]
    [InlineData("admin sets everything")]
    [InlineData("administrators set policies")]
    public void Find_MoreWordsThanTheCommandTakes_IsNotTheCommand(string answer) =>
        Assert.Null(CreateSut(Commands()).Find(answer));

    [Fact]
    public void Constructor_TwoCommandsClaimingOneTrigger_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CreateSut(new FakeCommand("next"), new FakeCommand("Next")));

    private static IChatCommand[] Commands() =>
    [
        new FakeCommand("admin sets"),
        new FakeCommand("admin set") { Words = int.MaxValue },
        new FakeCommand("admin add question") { Words = int.MaxValue },
        new FakeCommand("admin import") { Words = int.MaxValue },
        new FakeCommand("use") { Words = 1 },
    ];

    private static ChatCommandRouter CreateSut(params IChatCommand[] commands) =>
        new(commands, practice: null!, InMemoryAdminStore.Access(), NullLogger<ChatCommandRouter>.Instance);

    private sealed class FakeCommand(params string[] triggers) : IChatCommand
    {
        public IReadOnlyList<string> Triggers => triggers;

        public string? Description => "fake";

        public int Words { get; init; }

        public int MaxArgumentWords => Words;

        public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CoachMessage>>([]);
    }
}
