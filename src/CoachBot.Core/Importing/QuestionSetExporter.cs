using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>
/// Writes a question set as the JSON or YAML document that <see cref="QuestionSetImporter"/> reads back: importing
/// an export gives a set equal to the original (<see cref="QuestionSetComparer.ContentEquals"/>; source and version
/// are carried too). JSON is indented camelCase and names the schema in <c>"$schema"</c>
/// (<see cref="QuestionSetSchema.Id"/>); YAML is the same document in block style, with multi-line text as literal
/// blocks. Absent example answers are left out.
/// </summary>
public static class QuestionSetExporter
{
    /// <summary>The document for <paramref name="set"/> in <paramref name="format"/>, ending with a newline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For Markdown and CSV, which are import-only.</exception>
    public static string Export(QuestionSet set, QuestionSetFormat format)
    {
        ArgumentNullException.ThrowIfNull(set);
        return format switch
        {
            QuestionSetFormat.Json => JsonTreeWriter.Write(QuestionSetTree.From(set)),
            QuestionSetFormat.Yaml => YamlTreeWriter.Write(QuestionSetTree.From(set)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Question sets export as JSON or YAML only."),
        };
    }
}
