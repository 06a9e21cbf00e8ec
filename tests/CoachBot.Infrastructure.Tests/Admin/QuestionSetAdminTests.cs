using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Infrastructure.Tests.Admin;

/// <summary>The Core <see cref="QuestionSetAdmin"/> over the real SQLite stores: versions, conflicts, rollback, audit.</summary>
public sealed class QuestionSetAdminTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly AdminActor Alice = new("alice-aad", "Alice", AdminVia.Chat);
    private static readonly AdminActor Bob = new("key:ci", "ci", AdminVia.Api);

    private IAdminStore AdminStore => database.Services.GetRequiredService<IAdminStore>();

    private QuestionSetAdmin CreateSut() => new(
        database.Services.GetRequiredService<IQuestionSetStore>(),
        new QuestionSetImporter(new StudyDocumentParser()),
        new AuditLog(AdminStore, database.Time),
        NullLogger<QuestionSetAdmin>.Instance);

    private async Task<QuestionSet> CreatedSetAsync()
    {
        var set = TestData.QuestionSet(TestData.NewSetId());
        var created = await CreateSut().CreateAsync(Alice, set);
        Assert.Equal(AdminStatus.Created, created.Status);
        return created.Value!;
    }

    [Fact]
    public async Task CreateAsync_TakenId_IsAConflict_AndStoresNothing()
    {
        var set = await CreatedSetAsync();

        var again = await CreateSut().CreateAsync(Alice, set with { Title = "Other" });

        Assert.Equal(AdminStatus.Conflict, again.Status);
        Assert.Equal("Customer trust", (await CreateSut().GetAsync(set.Id))!.Title);
    }

    [Fact]
    public async Task DisableQuestion_StoresTheNextVersion_KeepsTheOld_AndAudits()
    {
        var set = await CreatedSetAsync();
        database.Time.Advance(TimeSpan.FromSeconds(1)); // the audit log is ordered by time

        var result = await CreateSut().SetQuestionEnabledAsync(Alice, set.Id, "Q2", enabled: false, expectedVersion: 1);

        Assert.Equal(AdminStatus.Ok, result.Status);
        Assert.Equal(2, result.Value!.Version);
        Assert.False(result.Value.FindQuestion("q2")!.Enabled);
        Assert.True((await CreateSut().GetAsync(set.Id, 1))!.FindQuestion("q2")!.Enabled);
        var audit = await AdminStore.GetAuditAsync(0, 10, set.Id);
        Assert.Equal(["question.disable", "set.create"], audit.Select(a => a.Action));
        Assert.Equal(("alice-aad", 1, 2, AdminVia.Chat), (audit[0].ActorId, audit[0].BeforeVersion, audit[0].AfterVersion, audit[0].Via));
    }

    [Fact]
    public async Task EditOnAStaleVersion_IsAConflict_NotASilentOverwrite()
    {
        var set = await CreatedSetAsync();
        var first = await CreateSut().AddQuestionAsync(Alice, set.Id, new QuestionDraft("What is least privilege?"), expectedVersion: 1);
        Assert.Equal(2, first.Value!.Version);

        var second = await CreateSut().AddQuestionAsync(Bob, set.Id, new QuestionDraft("What is defence in depth?"), expectedVersion: 1);

        Assert.Equal(AdminStatus.Conflict, second.Status);
        Assert.Contains("your edit was made on v1, the latest is v2", second.Message, StringComparison.Ordinal);
        var latest = (await CreateSut().GetAsync(set.Id))!;
        Assert.Equal(2, latest.Version);
        Assert.DoesNotContain(latest.Questions, q => q.Text == "What is defence in depth?");
    }

    [Fact]
    public async Task ConcurrentEditsOfTheSameVersion_ExactlyOneWins()
    {
        var set = await CreatedSetAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            CreateSut().AddQuestionAsync(Alice, set.Id, new QuestionDraft($"Concurrent question {i}?"), expectedVersion: 1)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(AdminStatus.Conflict, r.Status));
        Assert.Equal(2, (await CreateSut().GetAsync(set.Id))!.Version);
    }

    [Fact]
    public async Task AddQuestion_GetsTheNextFreeId_AndInvalidInputStoresNothing()
    {
        var set = await CreatedSetAsync();

        var added = await CreateSut().AddQuestionAsync(Alice, set.Id, new QuestionDraft("  How do you rotate credentials?  "), null);
        var empty = await CreateSut().AddQuestionAsync(Alice, set.Id, new QuestionDraft("   "), null);

        Assert.Equal("q5", added.Value!.Questions[^1].Id);
        Assert.Equal("How do you rotate credentials?", added.Value.Questions[^1].Text);
        Assert.Equal(AdminStatus.Invalid, empty.Status);
        Assert.Equal(2, (await CreateSut().GetAsync(set.Id))!.Version);
    }

    [Fact]
    public async Task Rollback_StoresTheOldContentAsANewVersion()
    {
        var set = await CreatedSetAsync();
        await CreateSut().SetQuestionEnabledAsync(Alice, set.Id, "q1", false, 1);

        var rolled = await CreateSut().RollbackAsync(Bob, set.Id, 1, expectedVersion: 2);

        Assert.Equal(3, rolled.Value!.Version);
        Assert.True(rolled.Value.FindQuestion("q1")!.Enabled);
        var versions = (await CreateSut().GetVersionsAsync(set.Id)).Value!;
        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal(("key:ci", "rolled back to v1"), (versions[0].CreatedBy, versions[0].Note));
        Assert.Equal(AdminStatus.NotFound, (await CreateSut().RollbackAsync(Bob, set.Id, 9, null)).Status);
    }

    [Fact]
    public async Task Import_DryRunStoresNothing_ThenImports_ThenTheSameDocumentChangesNothing()
    {
        var markdown = Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(SeedDocumentPath()));
        var setId = TestData.NewSetId();

        var dry = await CreateSut().ImportAsync(Alice, markdown, QuestionSetFormat.Markdown, "seed.md", setId, dryRun: true);
        Assert.Equal(AdminStatus.Ok, dry.Status);
        Assert.True(dry.Value!.IsNew && dry.Value.DryRun);
        Assert.Null(await CreateSut().GetAsync(setId));

        var real = await CreateSut().ImportAsync(Alice, markdown, QuestionSetFormat.Markdown, "seed.md", setId, dryRun: false);
        Assert.Equal(AdminStatus.Created, real.Status);
        Assert.Equal(1, (await CreateSut().GetAsync(setId))!.Version);

        var again = await CreateSut().ImportAsync(Alice, markdown, QuestionSetFormat.Markdown, "seed.md", setId, dryRun: false);
        Assert.Equal(AdminStatus.Ok, again.Status);
        Assert.Empty(again.Value!.Changes);
        Assert.Equal(1, (await CreateSut().GetAsync(setId))!.Version);
    }

    [Fact]
    public async Task Import_BrokenDocument_ReportsProblemsWithLines_AndStoresNothing()
    {
        var setId = TestData.NewSetId();

        var result = await CreateSut().ImportAsync(Alice, Encoding.UTF8.GetBytes("# Title only\n\nNo sections here.\n"), QuestionSetFormat.Markdown, "bad.md", setId, dryRun: false);

        Assert.Equal(AdminStatus.Invalid, result.Status);
        Assert.StartsWith("Nothing was imported", result.Message, StringComparison.Ordinal);
        Assert.All(result.Problems.Where(p => p.Severity == ImportSeverity.Error), p => Assert.True(p.Line >= 1));
        Assert.Null(await CreateSut().GetAsync(setId));
    }

    [Fact]
    public async Task UnknownSetOrQuestion_IsNotFound_WithASpecificMessage()
    {
        var set = await CreatedSetAsync();

        var noSet = await CreateSut().SetQuestionEnabledAsync(Alice, "no-such-set", "q1", false, null);
        var noQuestion = await CreateSut().SetQuestionEnabledAsync(Alice, set.Id, "q99", false, null);

        Assert.Equal((AdminStatus.NotFound, "There is no question set \"no-such-set\". Say admin sets to list them."), (noSet.Status, noSet.Message));
        Assert.Equal(AdminStatus.NotFound, noQuestion.Status);
        Assert.Contains("has no question \"q99\"", noQuestion.Message, StringComparison.Ordinal);
    }

    private static string SeedDocumentPath() =>
        Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md") is var path && File.Exists(path)
            ? path
            : throw new FileNotFoundException("The seed document is not copied next to the tests.", path);
}
