using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Core.State;

namespace CoachBot.Infrastructure.Tests;

/// <summary>Sample records. Keys are unique per call so tests sharing a database do not interfere.</summary>
internal static class TestData
{
    public static string NewUserKey() => $"msteams:user-{Guid.NewGuid():N}";

    public static string NewSetId() => $"set-{Guid.NewGuid():N}";

    public static GradeResult Grade(int overall = 72, string grader = "rubric-v1") =>
        new(
            overall,
            [
                new ModelGrade("customer-first-security", "Customer-First Security", 85, EvidenceLevel.Strong, "we rotated keys within the hour", null),
                new ModelGrade("earn-trust", "Earn Trust", 60, EvidenceLevel.Solid, "told the customer first", "a measurable result"),
                new ModelGrade("frugality", "Frugality", 10, EvidenceLevel.Mentioned, null, "any trade-off at all"),
                new ModelGrade("ownership", "Ownership", 0, EvidenceLevel.Missing, null, "what *you* did — \"I\", not \"we\" ✓"),
            ],
            "Say what you did, then the result in numbers.",
            [GradeFlags.Generic, GradeFlags.NumbersWithoutMeaning],
            grader);

    public static PracticeSession Session(string userKey, string setId, DateTimeOffset startedAt, DateTimeOffset? endedAt = null, params string[] asked) =>
        new(Guid.NewGuid(), userKey, setId, 3, asked.Length == 0 ? null : asked[^1], asked, startedAt, endedAt);

    public static Attempt Attempt(string userKey, Guid sessionId, string questionId, DateTimeOffset createdAt, int overall = 72) =>
        new(Guid.NewGuid(), sessionId, userKey, "amazon-customer-trust", 2, questionId, $"My answer to {questionId}.", $"msg-{Guid.NewGuid():N}",
            Grade(overall), createdAt, null);

    public static QuestionSet QuestionSet(string id, int version = 1, string title = "Customer trust") =>
        new(
            id,
            title,
            "Prepares you for the customer-trust loop.",
            "amazon-customer-trust.md",
            version,
            [
                new MentalModel("customer-first-security", "Customer-First Security", "Security as a customer promise.", ["names the customer impact", "acts before being asked"]),
                new MentalModel("earn-trust", "Earn Trust", "Candour, including bad news.", []),
            ],
            ["Tells a concrete story", "Quantifies the result"],
            [
                new Question("q1", "Why does security matter to customers?", QuestionType.Concept, null, null, [], Enabled: true),
                new Question("q2", "Give an example of earning trust.", QuestionType.ExampleStory, "We always do our best.", "When our S3 bucket…", ["earn-trust"], Enabled: true),
                new Question("q3", "How do you balance speed and safety?", QuestionType.TradeOff, null, "I set a bar…", ["customer-first-security", "earn-trust"], Enabled: false),
                new Question("q4", "A customer reports a leak. What now?", QuestionType.Scenario, "Escalate.", "Contain, tell, fix.", [], Enabled: true),
            ]);

    public static ConversationRecord Conversation(string? userKey, string serviceUrl = "https://smba.trafficmanager.net/emea/", DateTimeOffset updatedAt = default) =>
        new($"msteams:a:{Guid.NewGuid():N}", "msteams", $"a:{Guid.NewGuid():N}", "personal", serviceUrl, "tenant-1", userKey,
            "{\"bot\":{\"id\":\"28:bot\"},\"conversation\":{\"id\":\"a:1\"}}", Active: true,
            updatedAt == default ? new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) : updatedAt);
}
