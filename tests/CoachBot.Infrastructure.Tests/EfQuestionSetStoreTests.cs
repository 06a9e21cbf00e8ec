using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure.Storage;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfQuestionSetStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private IQuestionSetStore CreateSut() => database.Services.GetRequiredService<IQuestionSetStore>();

    [Fact]
    public async Task AddIfMissingAsync_NewSet_ReturnsTrueAndStoresVersion1()
    {
        var sut = CreateSut();
        var set = TestData.QuestionSet(TestData.NewSetId());

        Assert.True(await sut.AddIfMissingAsync(set));

        await using var db = database.CreateContext();
        var row = await db.QuestionSetVersions.SingleAsync(v => v.SetId == set.Id);
        Assert.Equal(1, row.Version);
        Assert.Equal(set.Title, row.Title);
        Assert.Equal(database.Time.GetUtcNow(), row.CreatedAt);
    }

    [Fact]
    public async Task AddIfMissingAsync_SetWithOtherVersion_StoresItAsVersion1()
    {
        var sut = CreateSut();
        var set = TestData.QuestionSet(TestData.NewSetId(), version: 7);

        await sut.AddIfMissingAsync(set);

        Assert.Equal(1, (await sut.GetLatestAsync(set.Id))?.Version);
    }

    [Fact]
    public async Task AddIfMissingAsync_SecondCall_ReturnsFalseAndAddsNoRow()
    {
        var sut = CreateSut();
        var set = TestData.QuestionSet(TestData.NewSetId());
        await sut.AddIfMissingAsync(set);

        var added = await sut.AddIfMissingAsync(set with { Title = "Changed title" });

        Assert.False(added);
        await using var db = database.CreateContext();
        var row = await db.QuestionSetVersions.SingleAsync(v => v.SetId == set.Id);
        Assert.Equal(set.Title, row.Title);
    }

    [Fact]
    public async Task AddIfMissingAsync_ConcurrentCalls_ExactlyOneReturnsTrue()
    {
        var sut = CreateSut();
        for (var iteration = 0; iteration < 10; iteration++)
        {
            var set = TestData.QuestionSet(TestData.NewSetId());

            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => sut.AddIfMissingAsync(set))));

            Assert.Single(results, added => added);
            await using var db = database.CreateContext();
            Assert.Equal(1, await db.QuestionSetVersions.CountAsync(v => v.SetId == set.Id));
        }
    }

    [Fact]
    public async Task AddIfMissingAsync_FullSet_RoundTripsEveryField()
    {
        var sut = CreateSut();
        var set = TestData.QuestionSet(TestData.NewSetId());

        await sut.AddIfMissingAsync(set);
        var loaded = await sut.GetVersionAsync(set.Id, 1);

        Assert.NotNull(loaded);
        JsonAssert.Equivalent(set, loaded);
        Assert.Equal(set.Models.Count, loaded.Models.Count);
        Assert.Equal(set.Models[0].EvidenceHints, loaded.Models[0].EvidenceHints);
        Assert.Equal(set.SuccessCriteria, loaded.SuccessCriteria);
        Assert.Equal(set.Questions.Select(q => (q.Id, q.Text, q.Type, q.GenericAnswer, q.StrongAnswer, q.Enabled)),
            loaded.Questions.Select(q => (q.Id, q.Text, q.Type, q.GenericAnswer, q.StrongAnswer, q.Enabled)));
        Assert.Equal(set.Questions.Select(q => string.Join(',', q.TargetModels)), loaded.Questions.Select(q => string.Join(',', q.TargetModels)));
        Assert.Equal(["q1", "q2", "q4"], loaded.EnabledQuestions.Select(q => q.Id));
    }

    [Fact]
    public async Task GetLatestAsync_SeveralVersions_ReturnsHighestVersion()
    {
        var sut = CreateSut();
        var id = TestData.NewSetId();
        await sut.AddIfMissingAsync(TestData.QuestionSet(id, title: "v1"));
        await AddVersionAsync(TestData.QuestionSet(id, 3, "v3"));
        await AddVersionAsync(TestData.QuestionSet(id, 2, "v2"));
        await AddVersionAsync(TestData.QuestionSet(TestData.NewSetId(), 9, "other set"));

        var latest = await sut.GetLatestAsync(id);

        Assert.Equal((3, "v3"), (latest?.Version, latest?.Title));
    }

    [Fact]
    public async Task GetVersionAsync_ExistingVersion_ReturnsThatVersion()
    {
        var sut = CreateSut();
        var id = TestData.NewSetId();
        await sut.AddIfMissingAsync(TestData.QuestionSet(id, title: "v1"));
        await AddVersionAsync(TestData.QuestionSet(id, 2, "v2"));
        await AddVersionAsync(TestData.QuestionSet(id, 3, "v3"));

        var loaded = await sut.GetVersionAsync(id, 2);

        Assert.Equal((2, "v2"), (loaded?.Version, loaded?.Title));
    }

    [Fact]
    public async Task GetVersionAsync_MissingVersion_ReturnsNull()
    {
        var sut = CreateSut();
        var id = TestData.NewSetId();
        await sut.AddIfMissingAsync(TestData.QuestionSet(id));

        Assert.Null(await sut.GetVersionAsync(id, 2));
    }

    [Fact]
    public async Task GetLatestAsync_UnknownSet_ReturnsNull()
    {
        Assert.Null(await CreateSut().GetLatestAsync(TestData.NewSetId()));
    }

    /// <summary>Adds a version directly (the store's contract only adds version 1).</summary>
    private async Task AddVersionAsync(QuestionSet set)
    {
        await using var db = database.CreateContext();
        db.QuestionSetVersions.Add(new QuestionSetVersionEntity
        {
            SetId = set.Id,
            Version = set.Version,
            Title = set.Title,
            ContentJson = StorageJson.Serialize(QuestionSetDocument.From(set)),
            CreatedAt = database.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }
}
