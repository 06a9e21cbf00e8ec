using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfGradeCacheTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private EfGradeCache CreateSut() => database.Services.GetRequiredService<EfGradeCache>();

    private static GradeResult Grade(int overall) => new(
        overall,
        [new ModelGrade("customer-first-security", "Customer-First Security", overall, EvidenceLevels.For(overall), "customer trust", null)],
        "tip", ["generic"], "llm-test-p1");

    private static string NewKey() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task GetAsync_UnknownKey_Null()
    {
        Assert.Null(await CreateSut().GetAsync(NewKey()));
    }

    [Fact]
    public async Task SetAsync_ThenGet_RoundTripsTheWholeGrade()
    {
        var sut = CreateSut();
        var key = NewKey();

        await sut.SetAsync(key, Grade(81), "msteams:u1");

        var cached = await sut.GetAsync(key);
        Assert.NotNull(cached);
        Assert.Equal(81, cached.Overall);
        Assert.Equal("llm-test-p1", cached.Grader);
        Assert.Equal(["generic"], cached.Flags);
        Assert.Equal(Grade(81).Models, cached.Models);
    }

    [Fact]
    public async Task SetAsync_SameKeyTwice_FirstGradeStaysAndNoError()
    {
        var sut = CreateSut();
        var key = NewKey();

        await sut.SetAsync(key, Grade(70), "a");
        await sut.SetAsync(key, Grade(20), "b");

        Assert.Equal(70, (await sut.GetAsync(key))!.Overall);
    }

    [Fact]
    public async Task SetAsync_SameKeyConcurrently_OneRowNoError()
    {
        var sut = CreateSut();
        var key = NewKey();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => sut.SetAsync(key, Grade(50 + i), "a")));

        Assert.NotNull(await sut.GetAsync(key));
    }

    [Fact]
    public async Task EraseAsync_DeletesOnlyTheLearnersGrades()
    {
        var sut = CreateSut();
        var mine = NewKey();
        var theirs = NewKey();
        var user = TestData.NewUserKey();
        await sut.SetAsync(mine, Grade(60), user);
        await sut.SetAsync(theirs, Grade(60), TestData.NewUserKey());

        var deleted = await sut.EraseAsync(new ChatTurn(user, "msteams", "c", null, "forget me confirm", null, false));

        Assert.Equal(1, deleted);
        Assert.Null(await sut.GetAsync(mine));
        Assert.NotNull(await sut.GetAsync(theirs));
    }

    [Fact]
    public void Registration_CacheIsALearnerDataEraser()
    {
        Assert.Contains(database.Services.GetServices<ILearnerDataEraser>(), e => e is EfGradeCache);
        Assert.IsType<EfGradeCache>(database.Services.GetRequiredService<IGradeCache>());
    }
}
