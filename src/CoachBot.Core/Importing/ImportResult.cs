using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>How serious an import problem is: errors make the import fail, warnings do not.</summary>
public enum ImportSeverity
{
    /// <summary>Something was ignored or repaired; the import still succeeds.</summary>
    Warning,

    /// <summary>The document cannot be imported.</summary>
    Error,
}

/// <summary>One problem found while importing, with its 1-based position in the document.</summary>
public sealed record ImportProblem(ImportSeverity Severity, int Line, int? Column, string Message)
{
    /// <summary>The field the problem is about, when known.</summary>
    public string? Path { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Column is { } c ? $"line {Line}, column {c}: {Message}" : $"line {Line}: {Message}";
}

/// <summary>The outcome of an import: a set when there are no errors, and every problem found.</summary>
public sealed record ImportResult(QuestionSet? Set, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>True when the document produced a set and no errors.</summary>
    public bool Succeeded => Set is not null && Problems.All(p => p.Severity != ImportSeverity.Error);
}
