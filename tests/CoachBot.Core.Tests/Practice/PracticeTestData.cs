using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Practice;

/// <summary>Builders for practice test data.</summary>
internal static class PracticeTestData
{
    public static QuestionSet Set(params string[] questionIds) => new(
        "set", "Test Set", "d", "test", 1,
        [new MentalModel("customer-first-security", "Customer-First Security", "d", []), new MentalModel("quantified-impact", "Quantified Impact", "d", [])],
        ["criterion"],
        [.. questionIds.Select(id => new Question(id, $"Question {id}?", QuestionType.Concept, null, null, []))]);

    public static GradeResult Grade(int overall, EvidenceLevel customer = EvidenceLevel.Solid, EvidenceLevel quantified = EvidenceLevel.Missing) => new(
        overall,
        [new ModelGrade("customer-first-security", "Customer-First Security", overall, customer, "x", null),
         new ModelGrade("quantified-impact", "Quantified Impact", overall / 2, quantified, null, "no number")],
        "tip", [], "test");

    public static Attempt Attempt(string questionId, int overall, int minute) => new(
        Guid.NewGuid(), Guid.Empty, "u", "set", 1, questionId, "answer", null, Grade(overall),
        new DateTimeOffset(2026, 11, 26, 9, minute, 0, TimeSpan.Zero), null);
}
