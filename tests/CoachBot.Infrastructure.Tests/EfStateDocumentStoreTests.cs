using CoachBot.Core.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfStateDocumentStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private IStateDocumentStore CreateSut() => database.Services.GetRequiredService<IStateDocumentStore>();

    private static string NewKey() => $"msteams/conversations/a:{Guid.NewGuid():N}/users/29:{Guid.NewGuid():N}";

    [Fact]
    public async Task WriteAsync_NewKey_ReadReturnsJsonAndETag()
    {
        var sut = CreateSut();
        var key = NewKey();

        var eTag = await sut.WriteAsync(key, "{\"turn\":1}", expectedETag: null);
        var read = await sut.ReadAsync([key]);

        Assert.False(string.IsNullOrWhiteSpace(eTag));
        Assert.Equal(new StateDocument("{\"turn\":1}", eTag), read[key]);
        await using var db = database.CreateContext();
        Assert.Equal(database.Time.GetUtcNow(), (await db.StateDocuments.SingleAsync(d => d.Key == key)).UpdatedAt);
    }

    [Fact]
    public async Task ReadAsync_ExistingAndMissingKeys_ReturnsOnlyExisting()
    {
        var sut = CreateSut();
        var (a, b, missing) = (NewKey(), NewKey(), NewKey());
        var eTagA = await sut.WriteAsync(a, "{\"a\":1}", null);
        var eTagB = await sut.WriteAsync(b, "{\"b\":2}", null);

        var read = await sut.ReadAsync([a, missing, b, a]);

        Assert.Equal(2, read.Count);
        Assert.Equal(new StateDocument("{\"a\":1}", eTagA), read[a]);
        Assert.Equal(new StateDocument("{\"b\":2}", eTagB), read[b]);
    }

    [Fact]
    public async Task ReadAsync_NoKeys_ReturnsEmpty()
    {
        Assert.Empty(await CreateSut().ReadAsync([]));
    }

    [Fact]
    public async Task WriteAsync_MatchingETag_WritesAndReturnsNewETag()
    {
        var sut = CreateSut();
        var key = NewKey();
        var first = await sut.WriteAsync(key, "{\"v\":1}", null);

        var second = await sut.WriteAsync(key, "{\"v\":2}", first);

        Assert.NotEqual(first, second);
        Assert.Equal(new StateDocument("{\"v\":2}", second), (await sut.ReadAsync([key]))[key]);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsStateConflictAndKeepsDocument()
    {
        var sut = CreateSut();
        var key = NewKey();
        var stale = await sut.WriteAsync(key, "{\"v\":1}", null);
        var current = await sut.WriteAsync(key, "{\"v\":2}", stale);

        var ex = await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(key, "{\"v\":3}", stale));

        Assert.Equal(key, ex.Key);
        Assert.Equal(new StateDocument("{\"v\":2}", current), (await sut.ReadAsync([key]))[key]);
    }

    [Fact]
    public async Task WriteAsync_ETagForMissingKey_ThrowsStateConflictAndInsertsNothing()
    {
        var sut = CreateSut();
        var key = NewKey();

        await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(key, "{}", "some-etag"));

        Assert.Empty(await sut.ReadAsync([key]));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task WriteAsync_WildcardOrNullETag_AlwaysWrites(string? eTag)
    {
        var sut = CreateSut();
        var key = NewKey();
        await sut.WriteAsync(key, "{\"v\":1}", null);
        await sut.WriteAsync(key, "{\"v\":2}", null);

        var written = await sut.WriteAsync(key, "{\"v\":3}", eTag);

        Assert.Equal(new StateDocument("{\"v\":3}", written), (await sut.ReadAsync([key]))[key]);
    }

    [Fact]
    public async Task WriteAsync_StarForMissingKey_Inserts()
    {
        var sut = CreateSut();
        var key = NewKey();

        var eTag = await sut.WriteAsync(key, "{}", "*");

        Assert.Equal(eTag, (await sut.ReadAsync([key]))[key].ETag);
    }

    [Fact]
    public async Task WriteAsync_MaximumLengthKeyAndLargeJson_RoundTrips()
    {
        var sut = CreateSut();
        var key = NewKey().PadRight(1024, 'k');
        var json = $"{{\"text\":\"{new string('x', 200_000)}\",\"emoji\":\"✓ ü 日本\"}}";

        var eTag = await sut.WriteAsync(key, json, null);

        Assert.Equal(new StateDocument(json, eTag), (await sut.ReadAsync([key]))[key]);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissingKeys_DeletesAndReturnsHowManyExisted()
    {
        var sut = CreateSut();
        var (a, b, kept, missing) = (NewKey(), NewKey(), NewKey(), NewKey());
        foreach (var key in new[] { a, b, kept })
        {
            await sut.WriteAsync(key, "{}", null);
        }

        var deleted = await sut.DeleteAsync([a, b, missing]);

        Assert.Equal(2, deleted);
        Assert.Equal([kept], (await sut.ReadAsync([a, b, kept, missing])).Keys);
    }

    [Fact]
    public async Task WriteAsync_AfterDelete_ETagOfDeletedDocumentConflicts()
    {
        var sut = CreateSut();
        var key = NewKey();
        var eTag = await sut.WriteAsync(key, "{}", null);
        await sut.DeleteAsync([key]);

        await Assert.ThrowsAsync<StateConflictException>(() => sut.WriteAsync(key, "{}", eTag));
    }

    [Fact]
    public async Task WriteAsync_TwoConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var sut = CreateSut();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var key = NewKey();
            var start = await sut.WriteAsync(key, "{\"v\":0}", null);

            var outcomes = await Task.WhenAll(
                Task.Run(() => TryWriteAsync(sut, key, "{\"writer\":\"a\"}", start)),
                Task.Run(() => TryWriteAsync(sut, key, "{\"writer\":\"b\"}", start)));

            var winner = Assert.Single(outcomes, o => o.ETag is not null);
            Assert.Single(outcomes, o => o.ETag is null);
            Assert.Equal(new StateDocument(winner.Json, winner.ETag!), (await sut.ReadAsync([key]))[key]);
        }
    }

    [Fact]
    public async Task WriteAsync_WritersInTwoAppInstancesWithSameETag_ExactlyOneWins()
    {
        // Two service providers = two connection pools on one file, like two processes.
        await using var otherInstance = database.BuildServices();
        var stores = new[] { CreateSut(), otherInstance.GetRequiredService<IStateDocumentStore>() };
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var key = NewKey();
            var start = await stores[0].WriteAsync(key, "{\"v\":0}", null);

            var outcomes = await Task.WhenAll(stores.Select((store, i) => Task.Run(() => TryWriteAsync(store, key, $"{{\"writer\":{i}}}", start))));

            var winner = Assert.Single(outcomes, o => o.ETag is not null);
            Assert.Equal(new StateDocument(winner.Json, winner.ETag!), (await stores[1].ReadAsync([key]))[key]);
        }
    }

    [Fact]
    public async Task WriteAsync_ConcurrentUnconditionalWritesToNewKey_AllSucceed()
    {
        var sut = CreateSut();
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var key = NewKey();

            var eTags = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => sut.WriteAsync(key, $"{{\"writer\":{i}}}", i % 2 == 0 ? null : "*"))));

            var stored = (await sut.ReadAsync([key]))[key];
            Assert.Contains(stored.ETag, eTags);
            Assert.Equal(8, eTags.Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static async Task<(string Json, string? ETag)> TryWriteAsync(IStateDocumentStore store, string key, string json, string eTag)
    {
        try
        {
            return (json, await store.WriteAsync(key, json, eTag));
        }
        catch (StateConflictException)
        {
            return (json, null);
        }
    }
}
