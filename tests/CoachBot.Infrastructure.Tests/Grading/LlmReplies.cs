using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>Builds what a model answers: grade JSON (the message content) and the chat-completion envelope around it.</summary>
internal static class LlmReplies
{
    public static FakeReply Completion(string content, string finishReason = "stop") =>
        new(200, ChatCompletionJson(content, finishReason));

    public static FakeReply Grade(QuestionSet set, int score, string? quote = null, params string[] flags) =>
        Completion(GradeJson(set, score, quote, flags));

    public static FakeReply Error(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, """{"error":{"message":"simulated failure","type":"server_error","code":null}}""", headers);

    public static string ChatCompletionJson(string content, string finishReason = "stop") => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_767_225_600,
        ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 812, ["completion_tokens"] = 164, ["total_tokens"] = 976 },
    }.ToJsonString();

    /// <summary>A valid grade: every model of the set scored <paramref name="score"/>, quoting <paramref name="quote"/> when given.</summary>
    public static string GradeJson(QuestionSet set, int score, string? quote = null, params string[] flags) =>
        GradeNode(set, set.Models.Select(m => (m.Slug, (object)score, quote)), flags).ToJsonString();

    /// <summary>A grade with explicit per-model entries (slug, score as any JSON value, quote).</summary>
    public static JsonObject GradeNode(QuestionSet set, IEnumerable<(string Slug, object Score, string? Quote)> models, params string[] flags) => new()
    {
        ["models"] = new JsonArray(models.Select(m => (JsonNode)new JsonObject
        {
            ["slug"] = m.Slug,
            ["score"] = JsonSerializer.SerializeToNode(m.Score),
            ["evidence"] = m.Quote is null ? new JsonArray() : new JsonArray(m.Quote),
            ["missing"] = new JsonArray("a measured result"),
        }).ToArray()),
        ["flags"] = new JsonArray(flags.Select(f => (JsonNode)f!).ToArray()),
        ["tip"] = "Close with the customer outcome in numbers.",
        ["overall"] = 77,
    };
}
