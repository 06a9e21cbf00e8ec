using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>The rules every set meets, checked on sets built in code (as a REST body would arrive).</summary>
public sealed class QuestionSetValidatorTests
{
    /// <summary>One broken rule each: the change, the path reported and the exact message.</summary>
    public static TheoryData<Func<QuestionSet, QuestionSet>, string, string> BrokenRules => new()
    {
        { s => s with { Id = "Amazon Trust" }, "id", "'Amazon Trust' is not a valid id: use 1–64 lowercase letters, digits and '-' (not at the start)" },
        { s => s with { Id = " " }, "id", "required" },
        { s => s with { Id = new string('a', 65) }, "id", $"'{new string('a', 39)}…' is not a valid id: use 1–64 lowercase letters, digits and '-' (not at the start)" },
        { s => s with { Title = string.Empty }, "title", "required" },
        { s => s with { Title = new string('t', 201) }, "title", "is 201 characters long; the limit is 200" },
        { s => s with { Description = "tab\tok, bell\a not" }, "description", "contains a control character (U+0007) at character 13" },
        { s => s with { Models = [] }, "models", "a set needs at least one mental model" },
        { s => s with { Models = [.. s.Models, s.Models[1] with { Slug = "Scale-Thinking" }] }, "models[4].slug", "'Scale-Thinking' is not a valid id: use 1–64 lowercase letters, digits and '-' (not at the start)" },
        { s => s with { Models = [.. s.Models, s.Models[1]] }, "models[4].slug", "duplicate mental model 'scale-thinking' (also models[1])" },
        { s => s with { Models = [s.Models[0] with { Name = " " }, .. s.Models.Skip(1)] }, "models[0].name", "required" },
        { s => s with { Models = [s.Models[0] with { EvidenceHints = ["ok", ""] }, .. s.Models.Skip(1)] }, "models[0].evidenceHints[1]", "required" },
        { s => s with { SuccessCriteria = ["ok", "  "] }, "successCriteria[1]", "required" },
        { s => s with { Questions = [] }, "questions", "a set needs at least one question" },
        { s => s with { Questions = s.Questions.Select(q => q with { Enabled = false }).ToList() }, "questions", "every question is disabled: enable at least one" },
        { s => WithQuestion(s, 2, q => q with { Id = "Q1" }), "questions[2].id", "duplicate question id 'Q1' (also questions[0])" },
        { s => WithQuestion(s, 2, q => q with { Id = "q 3" }), "questions[2].id", "'q 3' is not a valid id: use 1–64 letters, digits, '-' and '_'" },
        { s => WithQuestion(s, 1, q => q with { Text = "\n" }), "questions[1].text", "required" },
        { s => WithQuestion(s, 1, q => q with { Text = new string('x', 2_001) }), "questions[1].text", "is 2,001 characters long; the limit is 2,000" },
        { s => WithQuestion(s, 0, q => q with { TargetModels = ["scale-thinking", "scale"] }), "questions[0].targetModels[1]", "unknown mental model 'scale': the set's models are customer-first-security, scale-thinking, innovation-enablement, quantified-impact" },
        { s => WithQuestion(s, 3, q => q with { StrongAnswer = new string('s', 5_001) }), "questions[3].strongAnswer", "is 5,001 characters long; the limit is 5,000" },
        { s => WithQuestion(s, 3, q => q with { GenericAnswer = "nul\0" }), "questions[3].weakAnswer", "contains a control character (U+0000) at character 4" },
        { s => WithQuestion(s, 0, q => q with { Hints = ["x\u0085y"] }), "questions[0].hints[0]", "contains a control character (U+0085) at character 2" },
    };

    [Fact]
    public void Validate_SeedAndTrickySet_HaveNoProblems()
    {
        Assert.Empty(QuestionSetValidator.Validate(ImportTestData.Seed()));
        Assert.Empty(QuestionSetValidator.Validate(ImportTestData.Rich()));
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_BrokenRule_ReportsItsPathAndMessage(Func<QuestionSet, QuestionSet> breakRule, string path, string message)
    {
        var problem = Assert.Single(QuestionSetValidator.Validate(breakRule(ImportTestData.Seed())));

        Assert.Equal(new ImportProblem(ImportSeverity.Error, 0, null, message) { Path = path }, problem);
    }

    [Fact]
    public void Validate_TargetModelInOtherCase_IsKnown()
    {
        var set = WithQuestion(ImportTestData.Seed(), 0, q => q with { TargetModels = ["Scale-Thinking"] });

        Assert.Empty(QuestionSetValidator.Validate(set));
    }

    [Fact]
    public void Validate_LengthCountsCharactersNotUtf16Units()
    {
        var set = ImportTestData.Seed() with { Title = string.Concat(Enumerable.Repeat("🚀", 200)) };

        Assert.Empty(QuestionSetValidator.Validate(set));
    }

    [Fact]
    public void Validate_WithLocate_PutsEachProblemAtItsPosition()
    {
        var set = WithQuestion(ImportTestData.Seed() with { Title = string.Empty }, 1, q => q with { Id = "q1" });
        var positions = new Dictionary<string, (int, int)> { ["title"] = (3, 12), ["questions[1].id"] = (20, 11) };

        var problems = QuestionSetValidator.Validate(set, path => positions.TryGetValue(path, out var p) ? p : null);

        Assert.Equal(
            new[] { "line 3, column 12 (title): required", "line 20, column 11 (questions[1].id): duplicate question id 'q1' (also questions[0])" },
            problems.Select(p => p.ToString()).ToArray());
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblem()
    {
        var set = new QuestionSet("", "", "", "", 1, [new MentalModel("a", "A", "", []), new MentalModel("a", "", "", [])], [],
            [new Question("x", "", QuestionType.Concept, null, null, ["b"], Enabled: false)]);

        var paths = QuestionSetValidator.Validate(set).Select(p => p.Path).ToArray();

        Assert.Equal(
            new[] { "id", "title", "models[1].slug", "models[1].name", "questions", "questions[0].text", "questions[0].targetModels[0]" },
            paths);
    }

    private static QuestionSet WithQuestion(QuestionSet set, int index, Func<Question, Question> change) =>
        set with { Questions = set.Questions.Select((q, i) => i == index ? change(q) : q).ToList() };
}
