using CoachBot.Core.Admin;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Infrastructure.Tests.Admin;

/// <summary>The Core <see cref="SetActivation"/> over the real SQLite stores: the most specific assignment wins.</summary>
public sealed class SetActivationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly AdminActor Alice = new("alice", "Alice", AdminVia.Chat);

    private SetActivation CreateSut(string configuredDefault = "configured-default") => new(
        database.Services.GetRequiredService<IAdminStore>(),
        database.Services.GetRequiredService<IQuestionSetStore>(),
        new AuditLog(database.Services.GetRequiredService<IAdminStore>(), database.Time),
        Options.Create(new PracticeOptions { DefaultSetId = configuredDefault }),
        database.Time);

    private async Task<string> NewSetAsync()
    {
        var id = TestData.NewSetId();
        await database.Services.GetRequiredService<IQuestionSetStore>().AddIfMissingAsync(TestData.QuestionSet(id));
        return id;
    }

    [Fact]
    public async Task Resolve_UserBeatsPlace_BeatsTeam_BeatsDefault()
    {
        var (forUser, forPlace, forTeam) = (await NewSetAsync(), await NewSetAsync(), await NewSetAsync());
        var (user, place, team) = (TestData.NewUserKey(), $"msteams:{Guid.NewGuid():N}", $"19:{Guid.NewGuid():N}");
        var sut = CreateSut();

        Assert.Equal(AdminStatus.Ok, (await sut.ActivateAsync(Alice, forTeam, SetScope.Team, team)).Status);
        Assert.Equal(forTeam, await sut.ResolveAsync(user, place, team));
        await sut.ActivateAsync(Alice, forPlace, SetScope.Place, place);
        Assert.Equal(forPlace, await sut.ResolveAsync(user, place, team));
        Assert.Equal(AdminStatus.Ok, (await sut.UseAsync(user, forUser.ToUpperInvariant())).Status);
        Assert.Equal(forUser, await sut.ResolveAsync(user, place, team));

        await sut.UseAsync(user, "default");
        Assert.Equal(forPlace, await sut.ResolveAsync(user, place, team));
        Assert.Equal(forTeam, await sut.ResolveAsync(user, $"msteams:{Guid.NewGuid():N}", team));
    }

    [Fact]
    public async Task UnknownSet_IsNotFound_AndChangesNothing()
    {
        var user = TestData.NewUserKey();
        var sut = CreateSut();

        var result = await sut.UseAsync(user, "no-such-set");

        Assert.Equal((AdminStatus.NotFound, "There is no question set \"no-such-set\". Say sets to see the ones there are."), (result.Status, result.Message));
        Assert.Null(await database.Services.GetRequiredService<IAdminStore>().GetAssignmentAsync(SetScope.User, user));
    }

    [Fact]
    public async Task PlaceScope_WithoutAKey_IsInvalid()
    {
        var result = await CreateSut().ActivateAsync(Alice, await NewSetAsync(), SetScope.Place, "  ");

        Assert.Equal(AdminStatus.Invalid, result.Status);
    }
}
