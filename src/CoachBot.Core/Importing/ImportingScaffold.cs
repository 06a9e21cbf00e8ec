// TEMPORARY scaffold so the admin service compiles while the importers land on feat/importers; deleted at that merge.
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

public enum QuestionSetFormat { Markdown, Json, Yaml, Csv }

public sealed record ImportContext(string Source, string? SetId = null, QuestionSet? ExistingSet = null);

public sealed class QuestionSetImporter(StudyDocumentParser markdown)
{
    public const int MaxBytes = 1_048_576;

    public ImportResult Import(ReadOnlySpan<byte> content, QuestionSetFormat format, ImportContext context) =>
        markdown.Parse(System.Text.Encoding.UTF8.GetString(content), context?.Source ?? string.Empty, context?.SetId);
}

public static class QuestionSetValidator
{
    public static IReadOnlyList<ImportProblem> Validate(QuestionSet set, Func<string, (int Line, int Column)?>? locate = null) => [];
}

public static class QuestionSetExporter
{
    public static string Export(QuestionSet set, QuestionSetFormat format) => System.Text.Json.JsonSerializer.Serialize(set);
}

public static class QuestionSetFormats
{
    public static bool TryFromContentType(string? contentType, out QuestionSetFormat format)
    {
        format = QuestionSetFormat.Markdown;
        var type = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        (var found, format) = type switch
        {
            "text/markdown" or "text/x-markdown" or "text/plain" => (true, QuestionSetFormat.Markdown),
            "application/json" => (true, QuestionSetFormat.Json),
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => (true, QuestionSetFormat.Yaml),
            "text/csv" => (true, QuestionSetFormat.Csv),
            _ => (false, QuestionSetFormat.Markdown),
        };
        return found;
    }

    public static bool TryFromFileName(string? name, out QuestionSetFormat format)
    {
        (var found, format) = System.IO.Path.GetExtension(name?.Trim() ?? string.Empty).ToLowerInvariant() switch
        {
            ".md" or ".markdown" or ".txt" => (true, QuestionSetFormat.Markdown),
            ".json" => (true, QuestionSetFormat.Json),
            ".yaml" or ".yml" => (true, QuestionSetFormat.Yaml),
            ".csv" => (true, QuestionSetFormat.Csv),
            _ => (false, QuestionSetFormat.Markdown),
        };
        return found;
    }
}
