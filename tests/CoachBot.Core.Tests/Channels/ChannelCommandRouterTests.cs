using CoachBot.Core.Tests.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Messages;
using static CoachBot.Core.Tests.Channels.ChannelTestData;

namespace CoachBot.Core.Tests.Channels;

public sealed class ChannelCommandRouterTests
{
    private static ChannelCommandRouter CreateSut(params string[] admins)
    {
        return new ChannelCommandRouter([new Echo("run"), new Echo("run now", "post on demand"), new Echo("skip", "change the schedule")], InMemoryAdminStore.Access(admins));
    }

    private static ChannelTurn Turn(string userId, string? aad = null) => new(Place(), Place().ConversationId, userId, aad, "Ana", "x", "m1", true);

    [Theory]
    [InlineData("run now", "run now", "")]
    [InlineData("Run Now!", "run now", "")]
    [InlineData("run", "run", "")]
    [InlineData("running late", null, null)]
    [InlineData("skip 2027-12-24", "skip", "2027-12-24")]
    [InlineData("  SKIP   2027-12-24 ", "skip", "2027-12-24")]
    public void Match_LongestNameAtWordBoundary_WithArgumentsInOriginalCase(string text, string? name, string? arguments)
    {
        var match = CreateSut().Match(text);

        Assert.Equal(name, match?.Command.Name);
        Assert.Equal(arguments, match?.Arguments);
    }

    [Fact]
    public async Task RouteAsync_AdminOnlyCommandByMember_RefusedWithTheAction()
    {
        var sut = CreateSut("29:admin");
        var (command, args) = sut.Match("skip 2027-12-24")!.Value;

        var replies = await sut.RouteAsync(Turn("29:member"), command, args, default);

        Assert.Equal("Only admins can change the schedule. Ask one of this channel's CoachBot admins.", Assert.Single(replies).ToPlainText());
    }

    [Theory]
    [InlineData("29:admin", null)]
    [InlineData("29:other", "AAD-OBJECT-ID")]
    public async Task RouteAsync_AdminById_OrByAadObjectIdIgnoringCase_Runs(string userId, string? aad)
    {
        var sut = CreateSut("29:admin", "aad-object-id");
        var (command, args) = sut.Match("skip 2027-12-24")!.Value;

        var replies = await sut.RouteAsync(Turn(userId, aad), command, args, default);

        Assert.Equal("skip:2027-12-24", Assert.Single(replies).ToPlainText());
    }

    [Fact]
    public void Constructor_NameClaimedTwice_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ChannelCommandRouter([new Echo("skip"), new Echo("skip")], InMemoryAdminStore.Access()));
    }

    private sealed class Echo(string name, string? adminAction = null) : IChannelCommand
    {
        public string Name => name;

        public string Usage => name;

        public string Description => name;

        public string? AdminAction => adminAction;

        public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CoachMessage>>([CoachMessage.FromText($"{name}:{arguments}")]);
    }
}
