// TEMPORARY scaffold so the admin service compiles while the importers land on feat/importers; deleted at that merge.
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

public enum QuestionSetFormat { Markdown, Json, Yaml, Csv }

public sealed record ImportContext(string Source, string? SetId = null, QuestionSet? ExistingSet = null);

public sealed class QuestionSetImporter(StudyDocumentParser markdown)
{
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
