using CoachBot.Core.QuestionSets;
using CoachBot.Core.Tests.Importing;

namespace CoachBot.Core.Tests.QuestionSets;

public sealed class QuestionSetComparerTests
{
    /// <summary>One change each to a field that is content: every one must make the sets differ.</summary>
    public static TheoryData<string, Func<QuestionSet, QuestionSet>> ContentChanges => new()
    {
        { "id", s => s with { Id = "other" } },
        { "title", s => s with { Title = s.Title + "!" } },
        { "description", s => s with { Description = string.Empty } },
        { "model name", s => s with { Models = [s.Models[0] with { Name = "X" }, .. s.Models.Skip(1)] } },
        { "model evidence", s => s with { Models = [s.Models[0] with { EvidenceHints = ["new"] }, .. s.Models.Skip(1)] } },
        { "model order", s => s with { Models = s.Models.Reverse().ToList() } },
        { "criterion", s => s with { SuccessCriteria = s.SuccessCriteria.Skip(1).ToList() } },
        { "question text", s => s with { Questions = Replace(s, q => q with { Text = q.Text + " " }) } },
        { "question type", s => s with { Questions = Replace(s, q => q with { Type = QuestionType.Scenario }) } },
        { "weak answer", s => s with { Questions = Replace(s, q => q with { GenericAnswer = "weak" }) } },
        { "strong answer", s => s with { Questions = Replace(s, q => q with { StrongAnswer = "strong" }) } },
        { "enabled", s => s with { Questions = Replace(s, q => q with { Enabled = false }) } },
        { "targets", s => s with { Questions = Replace(s, q => q with { TargetModels = ["scale-thinking"] }) } },
        { "hints", s => s with { Questions = Replace(s, q => q with { Hints = ["hint"] }) } },
        { "question id case", s => s with { Questions = Replace(s, q => q with { Id = "Q1" }) } },
        { "question count", s => s with { Questions = s.Questions.Take(3).ToList() } },
    };

    [Fact]
    public void ContentEquals_TwoSeparatelyReadCopies_AreEqualThoughRecordsAreNot()
    {
        var a = ImportTestData.Seed();
        var b = ImportTestData.Seed();

        Assert.NotEqual(a, b); // the records' lists are different instances
        Assert.True(QuestionSetComparer.ContentEquals(a, b));
        Assert.True(QuestionSetComparer.Instance.Equals(a, b));
        Assert.Equal(QuestionSetComparer.Instance.GetHashCode(a), QuestionSetComparer.Instance.GetHashCode(b));
    }

    [Fact]
    public void ContentEquals_VersionAndSourceDiffer_StillEqual()
    {
        var a = ImportTestData.Seed();

        Assert.True(QuestionSetComparer.ContentEquals(a, a with { Version = 9, Source = "api" }));
    }

    [Theory]
    [MemberData(nameof(ContentChanges))]
    public void ContentEquals_OneContentChange_NotEqual(string what, Func<QuestionSet, QuestionSet> change)
    {
        var a = ImportTestData.Seed();

        Assert.False(QuestionSetComparer.ContentEquals(a, change(a)), what);
    }

    [Fact]
    public void ContentEquals_Nulls()
    {
        Assert.True(QuestionSetComparer.ContentEquals(null, null));
        Assert.False(QuestionSetComparer.ContentEquals(ImportTestData.Seed(), null));
    }

    private static List<Question> Replace(QuestionSet set, Func<Question, Question> change) =>
        [change(set.Questions[0]), .. set.Questions.Skip(1)];
}
