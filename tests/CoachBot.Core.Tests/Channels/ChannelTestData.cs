using CoachBot.Core.Channels;
using CoachBot.Core.Grading;

namespace CoachBot.Core.Tests.Channels;

internal static class ChannelTestData
{
    public static readonly DateTimeOffset Day1 = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static StudyPlace Place(FeedbackMode feedback = FeedbackMode.Private) => new(
        "msteams:19:abc@thread.tacv2", "msteams", "19:abc@thread.tacv2", PlaceKind.TeamsChannel, "https://smba.example/", "tenant", "team", "19:abc@thread.tacv2",
        "28:bot", "study", true, feedback, Day1);

    public static DailyPrompt Prompt(int day, string questionId = "q1") => new(
        Guid.NewGuid(), Guid.Empty, Place().PlaceKey, Day1.AddDays(day), "set", 1, questionId, $"thread-{day}", Day1.AddDays(day).AddHours(23), null);

    public static ChannelAnswer Answer(DailyPrompt prompt, string user, int score, string? name = null, params (string Slug, int Score)[] models) => new(
        Guid.NewGuid(), prompt.Id, prompt.PlaceKey, user, name ?? user, Guid.NewGuid().ToString("N"), "answer text",
        new GradeResult(score, [.. models.Select(m => new ModelGrade(m.Slug, m.Slug, m.Score, EvidenceLevels.For(m.Score), null, "missing"))], $"tip for weakest of {user}", [], "rubric-v1"),
        prompt.OccurrenceUtc.AddHours(1), null);
}
