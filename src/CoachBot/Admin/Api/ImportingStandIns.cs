// TEMPORARY stand-ins for names that land with feat/importers (QuestionSetFormats, QuestionSetSchema,
// QuestionSetImporter.MaxBytes); this file is deleted when main has that merge.
using CoachBot.Core.Importing;

namespace CoachBot.Admin.Api;

internal static class QuestionSetFormats
{
    public static bool TryFromContentType(string? contentType, out QuestionSetFormat format)
    {
        var mediaType = (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
        QuestionSetFormat? found = mediaType switch
        {
            "text/markdown" or "text/x-markdown" or "text/plain" => QuestionSetFormat.Markdown,
            "application/json" => QuestionSetFormat.Json,
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => QuestionSetFormat.Yaml,
            "text/csv" => QuestionSetFormat.Csv,
            _ when mediaType.EndsWith("+json", StringComparison.Ordinal) => QuestionSetFormat.Json,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found.HasValue;
    }

    public static string ContentType(QuestionSetFormat format) =>
        format == QuestionSetFormat.Yaml ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8";

    public static string Extension(QuestionSetFormat format) => format == QuestionSetFormat.Yaml ? ".yaml" : ".json";
}

internal static class QuestionSetSchema
{
    public static string Json => """{ "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "CoachBot question set" }""";
}

internal static class ImportLimits
{
    public const int MaxBytes = 1_048_576;
}
