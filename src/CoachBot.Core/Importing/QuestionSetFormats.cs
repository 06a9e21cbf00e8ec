namespace CoachBot.Core.Importing;

/// <summary>Recognises a <see cref="QuestionSetFormat"/> from an HTTP content type or a file name, and back.</summary>
public static class QuestionSetFormats
{
    /// <summary>
    /// Reads a content type such as <c>application/json; charset=utf-8</c> (case and parameters ignored):
    /// <c>text/markdown</c>, <c>text/x-markdown</c> and <c>text/plain</c> are Markdown; <c>application/json</c> and any
    /// <c>+json</c> type are JSON; <c>application/yaml</c>, <c>application/x-yaml</c>, <c>text/yaml</c> and
    /// <c>text/x-yaml</c> are YAML; <c>text/csv</c> is CSV.
    /// </summary>
    /// <returns><c>false</c> when the type is missing or names none of the formats.</returns>
    public static bool TryFromContentType(string? contentType, out QuestionSetFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        QuestionSetFormat? found = mediaType switch
        {
            "text/markdown" or "text/x-markdown" or "text/plain" => QuestionSetFormat.Markdown,
            "application/json" => QuestionSetFormat.Json,
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => QuestionSetFormat.Yaml,
            "text/csv" => QuestionSetFormat.Csv,
            _ when mediaType.EndsWith("+json", StringComparison.Ordinal) && mediaType.Contains('/', StringComparison.Ordinal) => QuestionSetFormat.Json,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>
    /// Reads a file name's extension (case ignored): <c>.md</c>, <c>.markdown</c>, <c>.txt</c> are Markdown; <c>.json</c>
    /// is JSON; <c>.yaml</c>, <c>.yml</c> are YAML; <c>.csv</c> is CSV. A path is fine: only the name's extension counts.
    /// </summary>
    /// <returns><c>false</c> when the name is missing or has none of those extensions.</returns>
    public static bool TryFromFileName(string? name, out QuestionSetFormat format)
    {
        format = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        QuestionSetFormat? found = System.IO.Path.GetExtension(name.Trim()).ToLowerInvariant() switch
        {
            ".md" or ".markdown" or ".txt" => QuestionSetFormat.Markdown,
            ".json" => QuestionSetFormat.Json,
            ".yaml" or ".yml" => QuestionSetFormat.Yaml,
            ".csv" => QuestionSetFormat.Csv,
            _ => null,
        };
        format = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>The content type to send a document of <paramref name="format"/> with (UTF-8).</summary>
    public static string ContentType(QuestionSetFormat format) => format switch
    {
        QuestionSetFormat.Markdown => "text/markdown; charset=utf-8",
        QuestionSetFormat.Json => "application/json; charset=utf-8",
        QuestionSetFormat.Yaml => "application/yaml; charset=utf-8",
        QuestionSetFormat.Csv => "text/csv; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown question-set format."),
    };

    /// <summary>The file extension for <paramref name="format"/>, with its dot (<c>.md</c>, <c>.json</c>, <c>.yaml</c>, <c>.csv</c>).</summary>
    public static string Extension(QuestionSetFormat format) => format switch
    {
        QuestionSetFormat.Markdown => ".md",
        QuestionSetFormat.Json => ".json",
        QuestionSetFormat.Yaml => ".yaml",
        QuestionSetFormat.Csv => ".csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown question-set format."),
    };
}
