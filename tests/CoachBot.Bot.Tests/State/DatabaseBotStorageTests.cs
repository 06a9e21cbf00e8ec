using CoachBot.Bot.State;
using CoachBot.Core.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.State;

/// <summary>The IStorage adapter on the real database: round trips and optimistic concurrency.</summary>
public sealed class DatabaseBotStorageTests : IAsyncLifetime
{
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task WriteThenRead_ReturnsTheDocumentWithAnETag()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k1"] = new { Count = 3, Name = "x" } });

        var read = await sut.ReadAsync(["k1", "missing"]);

        var doc = Assert.IsType<JObject>(Assert.Single(read).Value);
        Assert.Equal(3, (int?)doc["Count"]);
        Assert.False(string.IsNullOrEmpty((string?)doc["eTag"]));
    }

    [Fact]
    public async Task WriteWithAStaleETag_Throws_AndKeepsTheWinnersData()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = 1 } });
        var first = (JObject)(await sut.ReadAsync(["k"]))["k"];
        var second = (JObject)(await sut.ReadAsync(["k"]))["k"];

        first["v"] = 2;
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        second["v"] = 3;
        await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(new Dictionary<string, object> { ["k"] = second }));

        Assert.Equal(2, (int?)((JObject)(await sut.ReadAsync(["k"]))["k"])["v"]);
    }

    [Fact]
    public async Task StarETag_AlwaysWrites()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = 1 } });
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = 9, ["eTag"] = "*" } });
        Assert.Equal(9, (int?)((JObject)(await sut.ReadAsync(["k"]))["k"])["v"]);
    }

    [Fact]
    public async Task BotStateWithoutAnETag_IsACreate_ThatConflictsWhenTheDocumentExists_AndKeepsTheWinnersData()
    {
        var sut = CreateSut();
        var winner = new Dictionary<string, object> { ["v"] = 1 };
        var loser = new Dictionary<string, object> { ["v"] = 2 };
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = winner });

        await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(new Dictionary<string, object> { ["k"] = loser }));

        Assert.Equal(1, (int?)((JObject)(await sut.ReadAsync(["k"]))["k"])["v"]);
    }

    [Fact]
    public async Task BotState_AfterAWrite_CarriesTheNewETag_SoTheNextSaveIsConditionalOnIt()
    {
        var sut = CreateSut();
        var state = new Dictionary<string, object> { ["v"] = 1 };
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = state });
        var stored = (string?)((JObject)(await sut.ReadAsync(["k"]))["k"])["eTag"];
        Assert.Equal(stored, state["eTag"]);

        state["v"] = 2;
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = state }); // the same turn saves again: its own eTag
        var other = (JObject)(await sut.ReadAsync(["k"]))["k"];
        other["v"] = 3;
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = other });
        state["v"] = 4;

        await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(new Dictionary<string, object> { ["k"] = state }));
        Assert.Equal(3, (int?)((JObject)(await sut.ReadAsync(["k"]))["k"])["v"]);
    }

    [Fact]
    public async Task Delete_RemovesTheDocument()
    {
        var sut = CreateSut();
        await sut.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = 1 } });
        await sut.DeleteAsync(["k"]);
        Assert.Empty(await sut.ReadAsync(["k"]));
    }

    [Fact]
    public async Task ConversationState_TwoTurnsRacingOnOneConversation_OneLosesWithAConflict()
    {
        var storage = CreateSut();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<CoachConversationState>("s");
        using (var earlier = Turn())
        {
            (await accessor.GetAsync(earlier, () => new())).TryRecord("earlier");
            await state.SaveChangesAsync(earlier, force: true);
        }

        using var turnA = Turn();
        using var turnB = Turn();
        await state.LoadAsync(turnA);
        await state.LoadAsync(turnB);
        var a = await accessor.GetAsync(turnA, () => new());
        a.TryRecord("a");
        await accessor.SetAsync(turnA, a);
        var b = await accessor.GetAsync(turnB, () => new());
        b.TryRecord("b");
        await accessor.SetAsync(turnB, b);
        await state.SaveChangesAsync(turnA, force: true);

        await Assert.ThrowsAsync<StateConflictException>(() => state.SaveChangesAsync(turnB, force: true));
        using var after = Turn();
        Assert.Equal(["earlier", "a"], (await accessor.GetAsync(after, () => new())).RecentActivityIds);
    }

    private DatabaseBotStorage CreateSut() => new(_services.Provider.GetRequiredService<IStateDocumentStore>());

    private static TurnContext Turn() => new(
        new Microsoft.Bot.Builder.Adapters.TestAdapter(),
        new Microsoft.Bot.Schema.Activity("message")
        {
            ChannelId = "test",
            Conversation = new Microsoft.Bot.Schema.ConversationAccount { Id = "race" },
            From = new Microsoft.Bot.Schema.ChannelAccount("u"),
        });
}
