using CoachBot.Core.Admin;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests.Admin;

public sealed class EfAdminStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private EfAdminStore CreateSut() => database.Services.GetRequiredService<EfAdminStore>();

    [Fact]
    public async Task Grants_AreFoundIgnoringCase_AndAddedOnce()
    {
        var sut = CreateSut();
        var user = $"AAD-{Guid.NewGuid():N}";

        Assert.True(await sut.AddGrantAsync(new AdminGrant(user, "alice", database.Time.GetUtcNow())));
        Assert.False(await sut.AddGrantAsync(new AdminGrant(user.ToLowerInvariant(), "bob", database.Time.GetUtcNow())));

        Assert.True(await sut.IsGrantedAsync(user.ToUpperInvariant()));
        Assert.Equal(user, Assert.Single(await sut.GetGrantsAsync(), g => g.UserId == user).UserId);
        Assert.True(await sut.RemoveGrantAsync(user.ToLowerInvariant()));
        Assert.False(await sut.IsGrantedAsync(user));
        Assert.False(await sut.RemoveGrantAsync(user));
    }

    [Fact]
    public async Task Audit_IsNewestFirst_Paged_AndFilteredByTarget()
    {
        var sut = CreateSut();
        var target = $"set-{Guid.NewGuid():N}";
        var start = database.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await sut.AppendAuditAsync(new AuditEntry(Guid.NewGuid(), start.AddMinutes(i), "alice", "Alice", AdminVia.Web, "set.edit", target, i, i + 1, $"edit {i}"));
        }

        await sut.AppendAuditAsync(new AuditEntry(Guid.NewGuid(), start.AddHours(1), "bob", null, AdminVia.Api, "admin.grant", "someone", null, null, null));

        var page = await sut.GetAuditAsync(1, 2, target);
        Assert.Equal(["edit 3", "edit 2"], page.Select(a => a.Detail));
        Assert.Equal((AdminVia.Web, 3, 4), (page[0].Via, page[0].BeforeVersion, page[0].AfterVersion));
        Assert.Equal(5, (await sut.GetAuditAsync(0, 50, target)).Count);
    }

    [Fact]
    public async Task ApiKeys_StoreOnlyTheHash_AndRevokeOnce()
    {
        var sut = CreateSut();
        var key = new ApiKeyRecord(Guid.NewGuid(), "ci", AdminAccess.Hash("cb_secret"), "cb_secr", "alice", database.Time.GetUtcNow(), null);

        await sut.AddApiKeyAsync(key);

        Assert.Equal(key, Assert.Single(await sut.GetApiKeysAsync(), k => k.Id == key.Id));
        Assert.True(await sut.RevokeApiKeyAsync(key.Id, database.Time.GetUtcNow()));
        Assert.False(await sut.RevokeApiKeyAsync(key.Id, database.Time.GetUtcNow()));
        Assert.NotNull(Assert.Single(await sut.GetApiKeysAsync(), k => k.Id == key.Id).RevokedAt);
    }

    [Fact]
    public async Task Assignments_AreUpserted_PerScopeAndKey_AndForgetMeErasesTheLearnersOwn()
    {
        var sut = CreateSut();
        var user = TestData.NewUserKey();
        var at = database.Time.GetUtcNow();

        await sut.SetAssignmentAsync(new SetAssignment(SetScope.User, user, "set-a", user, at));
        await sut.SetAssignmentAsync(new SetAssignment(SetScope.User, user, "set-b", user, at));
        await sut.SetAssignmentAsync(new SetAssignment(SetScope.Place, user, "set-c", "alice", at));

        Assert.Equal("set-b", (await sut.GetAssignmentAsync(SetScope.User, user))!.SetId);
        Assert.Equal(1, await sut.EraseAsync(new ChatTurn(user, "msteams", "conv", null, "forget me", null)));
        Assert.Null(await sut.GetAssignmentAsync(SetScope.User, user));
        Assert.Equal("set-c", (await sut.GetAssignmentAsync(SetScope.Place, user))!.SetId);
        Assert.True(await sut.RemoveAssignmentAsync(SetScope.Place, user));
    }
}
