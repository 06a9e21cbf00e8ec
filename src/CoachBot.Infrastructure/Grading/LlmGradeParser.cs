using System.Text.Json;
using CoachBot.Core.Grading;

namespace CoachBot.Infrastructure.Grading;

/// <summary>One mental model as the model graded it, validated.</summary>
/// <param name="Slug">The set's slug (the set's spelling).</param>
/// <param name="Score">0–100, after clamping a small overshoot.</param>
/// <param name="Evidence">Verified quotes from the answer, cleaned of surrounding punctuation.</param>
/// <param name="Missing">What would raise the score.</param>
internal sealed record LlmModelOutput(string Slug, int Score, IReadOnlyList<string> Evidence, IReadOnlyList<string> Missing);

/// <summary>A validated model output.</summary>
/// <param name="Models">One entry per mental model, in the set's order.</param>
/// <param name="Flags">Known flags, without duplicates.</param>
/// <param name="Tip">The tip, trimmed and at most <see cref="LlmGradeParser.MaxTipLength"/> characters.</param>
/// <param name="ModelOverall">The model's own overall; logged for comparison, never used as the grade.</param>
internal sealed record LlmGradeOutput(IReadOnlyList<LlmModelOutput> Models, IReadOnlyList<string> Flags, string Tip, int ModelOverall);

/// <summary>
/// Turns the model's JSON into an <see cref="LlmGradeOutput"/> or throws <see cref="InvalidGradeOutputException"/>.
/// Rules: a JSON object with <c>models</c>, <c>flags</c>, <c>tip</c> and <c>overall</c> of the right types (extra
/// properties are ignored); every model of the set exactly once and no unknown slug; integer-valued scores in 0–100,
/// where an overshoot of up to <see cref="ScoreTolerance"/> (e.g. 103 or −2) is clamped as rounding noise and anything
/// further is rejected as a model that has lost the scale; flags only from the known list; a non-empty tip; every
/// evidence quote found in the answer (see <see cref="EvidenceQuotes"/>). Reasons never echo the output or the answer.
/// </summary>
internal static class LlmGradeParser
{
    /// <summary>How far outside 0–100 a score may stray and still be clamped.</summary>
    public const int ScoreTolerance = 5;

    /// <summary>The longest tip kept; a longer one is cut at a word boundary.</summary>
    public const int MaxTipLength = 600;

    /// <summary>Most evidence quotes kept per model.</summary>
    public const int MaxQuotes = 3;

    private static readonly HashSet<string> KnownFlags = GradingPrompt.Flags.Select(f => f.Flag).ToHashSet(StringComparer.Ordinal);

    /// <summary>Parses and validates <paramref name="json"/> for <paramref name="request"/>.</summary>
    public static LlmGradeOutput Parse(string? json, GradingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Invalid("empty output");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw Invalid("output is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("output is not a JSON object");
            }

            var quotes = new EvidenceQuotes(request.Answer ?? string.Empty, AnswerDelimiter.Neutralise(request.Answer ?? string.Empty));
            var models = ReadModels(Property(root, "models", JsonValueKind.Array), request, quotes);
            var flags = ReadFlags(Property(root, "flags", JsonValueKind.Array));
            var tip = ReadTip(Property(root, "tip", JsonValueKind.String));
            var overall = ReadScore(Property(root, "overall", JsonValueKind.Number), "overall");
            return new LlmGradeOutput(models, flags, tip, overall);
        }
    }

    private static List<LlmModelOutput> ReadModels(JsonElement array, GradingRequest request, EvidenceQuotes quotes)
    {
        var bySlug = new Dictionary<string, LlmModelOutput>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("a models entry is not an object");
            }

            var slug = Property(item, "slug", JsonValueKind.String).GetString()!;
            var model = request.Set.FindModel(slug) ?? throw Invalid("unknown model slug");
            if (bySlug.ContainsKey(model.Slug))
            {
                throw Invalid($"model '{model.Slug}' graded more than once");
            }

            var score = ReadScore(Property(item, "score", JsonValueKind.Number), $"score of '{model.Slug}'");
            var evidence = ReadStrings(Property(item, "evidence", JsonValueKind.Array), $"evidence of '{model.Slug}'")
                .Select(EvidenceQuotes.Clean)
                .Where(q => q.Length > 0)
                .ToList();
            if (evidence.Any(q => !quotes.Occurs(q)))
            {
                throw Invalid($"evidence quote for '{model.Slug}' does not occur in the answer");
            }

            var missing = ReadStrings(Property(item, "missing", JsonValueKind.Array), $"missing of '{model.Slug}'")
                .Select(m => m.Trim())
                .Where(m => m.Length > 0)
                .ToList();
            bySlug[model.Slug] = new LlmModelOutput(model.Slug, score, evidence.Take(MaxQuotes).ToList(), missing);
        }

        var absent = request.Set.Models.FirstOrDefault(m => !bySlug.ContainsKey(m.Slug));
        if (absent is not null)
        {
            throw Invalid($"model '{absent.Slug}' missing from the output");
        }

        return request.Set.Models.Select(m => bySlug[m.Slug]).ToList();
    }

    private static List<string> ReadFlags(JsonElement array)
    {
        var flags = new List<string>();
        foreach (var flag in ReadStrings(array, "flags"))
        {
            var known = flag.Trim().ToLowerInvariant();
            if (!KnownFlags.Contains(known))
            {
                throw Invalid("unknown flag");
            }

            if (!flags.Contains(known))
            {
                flags.Add(known);
            }
        }

        return flags;
    }

    private static string ReadTip(JsonElement element)
    {
        var tip = element.GetString()!.Trim();
        if (tip.Length == 0)
        {
            throw Invalid("empty tip");
        }

        if (tip.Length <= MaxTipLength)
        {
            return tip;
        }

        var cut = tip.LastIndexOf(' ', MaxTipLength - 1);
        return string.Concat(tip.AsSpan(0, cut > 0 ? cut : MaxTipLength - 1), "…");
    }

    private static int ReadScore(JsonElement element, string what)
    {
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value) || value < -ScoreTolerance || value > 100 + ScoreTolerance)
        {
            throw Invalid($"{what} out of range 0-100");
        }

        if (Math.Abs(value - Math.Round(value)) > 0.001)
        {
            throw Invalid($"{what} is not an integer");
        }

        return Math.Clamp((int)Math.Round(value), 0, 100);
    }

    private static List<string> ReadStrings(JsonElement array, string what)
    {
        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"{what} must hold strings");
            }

            values.Add(item.GetString()!);
        }

        return values;
    }

    private static JsonElement Property(JsonElement element, string name, JsonValueKind kind)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw Invalid($"'{name}' missing");
        }

        if (value.ValueKind != kind)
        {
            throw Invalid($"'{name}' is not a JSON {kind.ToString().ToLowerInvariant()}");
        }

        return value;
    }

    private static InvalidGradeOutputException Invalid(string reason) => new($"invalid output: {reason}");
}
