using System.Text.Json.Nodes;
using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>Model outputs that must be rejected (and answered by the rubric grader), and the ones that are repaired.</summary>
public sealed class LlmOutputValidationTests
{
    private const string Quote = "sign-in failures fell 40%";

    public static TheoryData<string, string> InvalidOutputs => new()
    {
        { "not-json", "not valid JSON" },
        { "not-an-object", "not a JSON object" },
        { "missing-model", "model 'quantified-impact' missing" },
        { "unknown-slug", "unknown model slug" },
        { "duplicate-model", "graded more than once" },
        { "score-out-of-range", "out of range" },
        { "score-negative", "out of range" },
        { "score-fractional", "not an integer" },
        { "score-as-string", "'score' is not a JSON number" },
        { "fabricated-quote", "does not occur in the answer" },
        { "unknown-flag", "unknown flag" },
        { "empty-tip", "empty tip" },
        { "no-models-property", "'models' missing" },
        { "truncated", "cut off" },
    };

    public static TheoryData<string> InvalidKinds => new(InvalidOutputs.Select(row => (string)row[0]));

    private static IAnswerGrader CreateSut(ServiceProvider services) => services.GetRequiredService<IAnswerGrader>();

    [Theory]
    [MemberData(nameof(InvalidOutputs))]
    public async Task GradeAsync_InvalidOutput_ThrowsUnavailableWithReasonAfterOneCall(string kind, string reason)
    {
        await using var llm = await FakeLlmServer.StartAsync(Reply(kind));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("passkeys", ex.Message, StringComparison.OrdinalIgnoreCase); // never answer text
        Assert.Single(llm.Requests); // invalid output is not retried
    }

    [Theory]
    [MemberData(nameof(InvalidKinds))]
    public async Task GradingService_InvalidOutput_FallsBackToRubricAndCachesNothing(string kind)
    {
        await using var llm = await FakeLlmServer.StartAsync(Reply(kind));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));
        var request = Request(StrongAnswer);

        var grade = await services.GetRequiredService<GradingService>().GradeAsync(request, "msteams:learner");

        Assert.True(grade.IsFallback);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        Assert.Equal(new RubricGrader().Grade(request).Overall, grade.Overall);
        Assert.Equal(0, ((InMemoryGradeCache)services.GetRequiredService<IGradeCache>()).Count);
    }

    [Theory]
    [InlineData(103, 100)]
    [InlineData(105, 100)]
    [InlineData(-4, 0)]
    [InlineData(100, 100)]
    public async Task GradeAsync_ScoreSlightlyOutsideRange_IsClamped(int score, int expected)
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, score, Quote));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.All(grade.Models, m => Assert.Equal(expected, m.Score));
        Assert.Equal(expected, grade.Overall);
    }

    [Theory]
    [InlineData("“Sign-in failures  fell 40%.”")]
    [InlineData("SIGN-IN FAILURES FELL 40%")]
    [InlineData("Security protects customer trust ... sign-in failures fell 40%")]
    [InlineData("Amazon’s most valuable asset")]
    public async Task GradeAsync_QuoteDiffersOnlyInCaseSpacingOrQuoteMarks_IsAccepted(string quote)
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 80, quote));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.All(grade.Models, m => Assert.NotNull(m.Evidence));
    }

    private static FakeReply Reply(string kind)
    {
        if (kind == "not-json")
        {
            return LlmReplies.Completion("Sure! Here is the grade: {\"models\": [");
        }

        if (kind == "not-an-object")
        {
            return LlmReplies.Completion("[1, 2, 3]");
        }

        if (kind == "truncated")
        {
            return LlmReplies.Completion("{\"models\": [{\"slug\": \"customer-first-sec", finishReason: "length");
        }

        var node = Valid();
        var models = node["models"]!.AsArray();
        switch (kind)
        {
            case "missing-model":
                models.RemoveAt(3);
                break;
            case "unknown-slug":
                models[0]!["slug"] = "charisma";
                break;
            case "duplicate-model":
                models[3]!["slug"] = Set.Models[0].Slug;
                break;
            case "score-out-of-range":
                models[1]!["score"] = 150;
                break;
            case "score-negative":
                models[1]!["score"] = -20;
                break;
            case "score-fractional":
                models[1]!["score"] = 72.5;
                break;
            case "score-as-string":
                models[1]!["score"] = "90";
                break;
            case "fabricated-quote":
                models[2]!["evidence"] = new JsonArray("we cut fraud by 90% in a week");
                break;
            case "unknown-flag":
                node["flags"] = new JsonArray("brilliant");
                break;
            case "empty-tip":
                node["tip"] = "  ";
                break;
            case "no-models-property":
                node.Remove("models");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case");
        }

        return LlmReplies.Completion(node.ToJsonString());
    }

    private static JsonObject Valid() => LlmReplies.GradeNode(Set, Set.Models.Select(m => (m.Slug, (object)80, (string?)Quote)));
}
