namespace CoachBot.Core.Importing;

/// <summary>The file formats a question set can be imported from (and, for JSON and YAML, exported to).</summary>
public enum QuestionSetFormat
{
    /// <summary>A Markdown study document shaped like the seed (<c>content/amazon-security-customer-trust.md</c>).</summary>
    Markdown,

    /// <summary>The question-set document as JSON, following <see cref="QuestionSets.QuestionSetSchema"/>.</summary>
    Json,

    /// <summary>The same document as JSON, written in YAML.</summary>
    Yaml,

    /// <summary>Questions only, one per row, imported into an existing set.</summary>
    Csv,
}
