using CoachBot.Core.Admin.Commands;
using CoachBot.Core.Practice;

namespace CoachBot.Core.Tests.Admin.Commands;

public sealed class UserArgumentTests
{
    private static readonly ChatTurn Turn = new("msteams:29:admin", "msteams", "a:1", "Admin", "admin grant", "m1");

    [Theory]
    [InlineData("29:bob", "29:bob")]
    [InlineData("  \"29:bob\". ", "29:bob")]
    [InlineData("<@U0BOB>", "U0BOB")]
    [InlineData("<@U0BOB|bob>", "U0BOB")]
    public void Ids_TypedId_OrSlackMention(string arguments, string expected) =>
        Assert.Equal([expected], UserArgument.Ids(Turn, arguments));

    [Theory]
    [InlineData("")]
    [InlineData("bob and alice")]
    public void Ids_NoneOrSeveralWords_IsNone(string arguments) =>
        Assert.Empty(UserArgument.Ids(Turn, arguments));

    [Fact]
    public void Ids_AMention_WinsAndOffersTheAadObjectIdFirst()
    {
        var turn = Turn with { Mentions = [new ChatMention("29:bob", "aad-bob", "Bob"), new ChatMention("29:eve", null, "Eve")] };

        Assert.Equal(["aad-bob", "29:bob"], UserArgument.Ids(turn, "ignored"));
    }
}
