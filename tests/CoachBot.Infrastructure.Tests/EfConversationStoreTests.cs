using CoachBot.Core.State;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfConversationStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private IConversationStore CreateSut() => database.Services.GetRequiredService<IConversationStore>();

    [Fact]
    public async Task UpsertAsync_NewRecord_RoundTripsAllFields()
    {
        var sut = CreateSut();
        var record = TestData.Conversation(TestData.NewUserKey());

        await sut.UpsertAsync(record);

        Assert.Equal(record, await sut.GetAsync(record.ConversationKey));
    }

    [Fact]
    public async Task UpsertAsync_NullableFieldsNull_RoundTrips()
    {
        var sut = CreateSut();
        var record = TestData.Conversation(null) with { ConversationType = null, TenantId = null, Active = false };

        await sut.UpsertAsync(record);

        Assert.Equal(record, await sut.GetAsync(record.ConversationKey));
    }

    [Fact]
    public async Task UpsertAsync_ExistingRecord_RefreshesServiceUrlAndFields()
    {
        var sut = CreateSut();
        var record = TestData.Conversation(TestData.NewUserKey());
        await sut.UpsertAsync(record);

        var refreshed = record with
        {
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            ReferenceJson = "{\"updated\":true}",
            Active = false,
            UpdatedAt = record.UpdatedAt.AddMinutes(5),
        };
        await sut.UpsertAsync(refreshed);

        Assert.Equal(refreshed, await sut.GetAsync(record.ConversationKey));
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentUpsertsOfNewKey_AllSucceed()
    {
        var sut = CreateSut();
        var record = TestData.Conversation(TestData.NewUserKey());

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => sut.UpsertAsync(record with { ServiceUrl = $"https://host-{i}/" }))));

        Assert.StartsWith("https://host-", (await sut.GetAsync(record.ConversationKey))?.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnknownKey_ReturnsNull()
    {
        Assert.Null(await CreateSut().GetAsync("msteams:nobody"));
    }

    [Fact]
    public async Task DeleteForUserAsync_TwoUsers_DeletesOnlyThatUsersRecords()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        var mine = new[] { TestData.Conversation(userKey), TestData.Conversation(userKey) };
        var other = TestData.Conversation(TestData.NewUserKey());
        var channel = TestData.Conversation(null) with { ConversationType = "channel" };
        foreach (var record in mine.Append(other).Append(channel))
        {
            await sut.UpsertAsync(record);
        }

        var deleted = await sut.DeleteForUserAsync(userKey);

        Assert.Equal(2, deleted);
        Assert.Null(await sut.GetAsync(mine[0].ConversationKey));
        Assert.Null(await sut.GetAsync(mine[1].ConversationKey));
        Assert.Equal(other, await sut.GetAsync(other.ConversationKey));
        Assert.Equal(channel, await sut.GetAsync(channel.ConversationKey));
    }
}
