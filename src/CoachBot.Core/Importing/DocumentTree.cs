namespace CoachBot.Core.Importing;

/// <summary>
/// A parsed JSON or YAML document with the 1-based line and column of every value, so that one binder can read
/// both formats and report problems where they are. Exported documents are built as trees too (positions 0).
/// </summary>
internal abstract record DocumentNode(int Line, int Column)
{
    /// <summary>How deeply JSON and YAML documents may nest (the question-set document needs four levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>What the node is, for messages: "an object", "an array", "a string", "a number"….</summary>
    public abstract string Description { get; }
}

/// <summary>A JSON object or YAML mapping; properties in document order (duplicates kept, the binder reports them).</summary>
internal sealed record DocumentObject(int Line, int Column, IReadOnlyList<DocumentProperty> Properties) : DocumentNode(Line, Column)
{
    public override string Description => "an object";
}

/// <summary>One property of a <see cref="DocumentObject"/>; the position is the key's.</summary>
internal sealed record DocumentProperty(string Name, int Line, int Column, DocumentNode Value);

/// <summary>A JSON array or YAML sequence.</summary>
internal sealed record DocumentArray(int Line, int Column, IReadOnlyList<DocumentNode> Items) : DocumentNode(Line, Column)
{
    public override string Description => "an array";
}

/// <summary>What a scalar is, after JSON parsing or YAML core-schema resolution.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Number,
    String,
}

/// <summary>A string, number, boolean or null; <see cref="Text"/> is the string, or the literal as written.</summary>
internal sealed record DocumentScalar(int Line, int Column, ScalarKind Kind, string Text) : DocumentNode(Line, Column)
{
    public override string Description => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => $"{Text}",
        ScalarKind.Number => $"the number {Text}",
        _ => "a string",
    };

    /// <summary>A string scalar at no position (for exports).</summary>
    public static DocumentScalar Of(string text) => new(0, 0, ScalarKind.String, text);
}
