using CoachBot.Core.Admin;

namespace CoachBot.Core.Tests.Admin;

public sealed class AdminAccessTests
{
    private const string ConfiguredKey = "configured-key-0123456789-abcdefghijklmnop";
    private static readonly AdminActor Alice = new("alice", "Alice", AdminVia.Chat);

    private readonly InMemoryAdminStore _store = new();

    private AdminAccess CreateSut(params string[] configured) => _store.CreateAccess(configured, [ConfiguredKey]);

    [Fact]
    public async Task IsAdmin_ConfiguredById_OrByAadObjectId_OrGranted()
    {
        var sut = CreateSut("alice", " AAD-BOB ");

        Assert.True(await sut.IsAdminAsync(["ALICE"]));
        Assert.True(await sut.IsAdminAsync(["29:bob", "aad-bob"]));
        Assert.False(await sut.IsAdminAsync(["carol", null]));
        await sut.GrantAsync(Alice, "carol");
        Assert.True(await sut.IsAdminAsync([null, "Carol"]));
    }

    [Fact]
    public async Task Grant_IsAudited_AndIdempotent()
    {
        var sut = CreateSut("alice");

        var first = await sut.GrantAsync(Alice, " carol ");
        var second = await sut.GrantAsync(Alice, "carol");

        Assert.Equal((AdminStatus.Created, "carol is now an admin."), (first.Status, first.Message));
        Assert.Equal((AdminStatus.Ok, "carol is already an admin."), (second.Status, second.Message));
        var entry = Assert.Single(_store.Audit);
        Assert.Equal(("admin.grant", "carol", "alice"), (entry.Action, entry.Target, entry.ActorId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\tinside")]
    public async Task Grant_NotAnId_IsInvalid_AndChangesNothing(string userId)
    {
        var result = await CreateSut("alice").GrantAsync(Alice, userId);

        Assert.Equal(AdminStatus.Invalid, result.Status);
        Assert.Empty(await _store.GetGrantsAsync());
        Assert.Empty(_store.Audit);
    }

    [Fact]
    public async Task Revoke_ConfiguredAdmin_IsRefused()
    {
        var result = await CreateSut("alice", "bob").RevokeAsync(Alice, "BOB");

        Assert.Equal(AdminStatus.Refused, result.Status);
        Assert.Equal("BOB is an admin through configuration (Admin:Users); remove them there, not in the app.", result.Message);
    }

    [Fact]
    public async Task Revoke_TheLastAdmin_IsRefused_OthersWork()
    {
        var sut = CreateSut();
        await sut.GrantAsync(Alice, "carol");
        await sut.GrantAsync(Alice, "dave");

        Assert.Equal(AdminStatus.Ok, (await sut.RevokeAsync(Alice, "dave")).Status);
        var last = await sut.RevokeAsync(Alice, "carol");

        Assert.Equal((AdminStatus.Refused, "carol is the last admin; grant someone else first."), (last.Status, last.Message));
        Assert.True(await sut.IsAdminAsync(["carol"]));
        Assert.Equal(AdminStatus.NotFound, (await sut.RevokeAsync(Alice, "erin")).Status);
    }

    [Fact]
    public async Task CreatedKey_IsShownOnce_StoredAsHash_VerifiesUntilRevoked()
    {
        var sut = CreateSut("alice");

        var created = (await sut.CreateApiKeyAsync(Alice, "ci pipeline")).Value!;

        Assert.StartsWith(AdminAccess.KeyPrefix, created.Key, StringComparison.Ordinal);
        Assert.True(created.Key.Length >= 40);
        var stored = Assert.Single(await _store.GetApiKeysAsync());
        Assert.Equal(AdminAccess.Hash(created.Key), stored.Hash);
        Assert.DoesNotContain(created.Key, stored.ToString(), StringComparison.Ordinal);
        Assert.Equal(new ApiKeyIdentity("ci pipeline", stored.Id), await sut.VerifyApiKeyAsync(created.Key));

        Assert.Equal(AdminStatus.Ok, (await sut.RevokeApiKeyAsync(Alice, stored.Id)).Status);
        Assert.Null(await sut.VerifyApiKeyAsync(created.Key));
        Assert.Equal(AdminStatus.NotFound, (await sut.RevokeApiKeyAsync(Alice, stored.Id)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("configured-key-0123456789-abcdefghijklmno")]
    [InlineData("configured-key-0123456789-abcdefghijklmnopq")]
    [InlineData("CONFIGURED-KEY-0123456789-ABCDEFGHIJKLMNOP")]
    public async Task Verify_AnythingButAValidKey_IsNull(string? presented)
    {
        Assert.Null(await CreateSut().VerifyApiKeyAsync(presented));
    }

    [Fact]
    public async Task Verify_ConfiguredKey_IsNamedByItsPosition()
    {
        Assert.Equal(new ApiKeyIdentity("config-0", null), await CreateSut().VerifyApiKeyAsync(ConfiguredKey));
    }

    [Fact]
    public async Task CreateKey_WithoutAName_IsInvalid()
    {
        var result = await CreateSut().CreateApiKeyAsync(Alice, "  ");

        Assert.Equal(AdminStatus.Invalid, result.Status);
        Assert.Equal("name", Assert.Single(result.Problems).Path);
        Assert.Empty(await _store.GetApiKeysAsync());
    }
}
