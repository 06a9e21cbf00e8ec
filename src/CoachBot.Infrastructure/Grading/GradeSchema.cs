using System.Text.Json.Nodes;
using CoachBot.Core.QuestionSets;
using OpenAI.Chat;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The strict JSON schema the model must answer with: one entry per mental model (slug, score, evidence quotes, missing
/// items), flags, a tip and the model's own overall. Strict mode needs every property required and no extra
/// properties; ranges are stated in descriptions (strict mode ignores numeric bounds) and checked by
/// <see cref="LlmGradeParser"/>.
/// </summary>
internal static class GradeSchema
{
    /// <summary>The schema's name in the request.</summary>
    public const string Name = "coachbot_grade";

    /// <summary>The response format for a set: the slugs and flags are enumerated.</summary>
    public static ChatResponseFormat ResponseFormat(QuestionSet set) =>
        ChatResponseFormat.CreateJsonSchemaFormat(
            Name,
            BinaryData.FromString(Build(set).ToJsonString()),
            "A rubric grade for one interview answer.",
            jsonSchemaIsStrict: true);

    /// <summary>The schema document for <paramref name="set"/>.</summary>
    public static JsonObject Build(QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var model = StrictObject(new JsonObject
        {
            ["slug"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(set.Models.Select(m => m.Slug)) },
            ["score"] = new JsonObject { ["type"] = "integer", ["description"] = "0 to 100" },
            ["evidence"] = StringArray("Up to 3 short quotes copied verbatim from the answer."),
            ["missing"] = StringArray("What would raise this model's score; empty when strong."),
        });

        return StrictObject(new JsonObject
        {
            ["models"] = new JsonObject { ["type"] = "array", ["description"] = "Exactly one entry per mental model.", ["items"] = model },
            ["flags"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Strings(GradingPrompt.Flags.Select(f => f.Flag)) },
            },
            ["tip"] = new JsonObject { ["type"] = "string", ["description"] = "One concrete tip for the weakest model." },
            ["overall"] = new JsonObject { ["type"] = "integer", ["description"] = "0 to 100" },
        });
    }

    private static JsonObject StrictObject(JsonObject properties) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = Strings(properties.Select(p => p.Key).ToList()),
        ["additionalProperties"] = false,
    };

    private static JsonObject StringArray(string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
