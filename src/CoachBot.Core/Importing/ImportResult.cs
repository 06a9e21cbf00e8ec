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

/// <summary>
/// One problem found while importing or validating, with its 1-based position in the document. Columns count
/// characters, except in CSV files where the column is the cell's number in its row (1 = first cell), as a
/// spreadsheet shows it.
/// </summary>
/// <param name="Severity">Whether the problem stops the import.</param>
/// <param name="Line">1-based line; 0 when the problem is not tied to a line (a set that did not come from a file).</param>
/// <param name="Column">1-based column, when it makes sense.</param>
/// <param name="Message">What is wrong, for a person: it does not repeat the position or the <see cref="Path"/>.</param>
public sealed record ImportProblem(ImportSeverity Severity, int Line, int? Column, string Message)
{
    /// <summary>The field the problem is about, e.g. <c>questions[2].id</c> (zero-based indexes), or <c>null</c>.</summary>
    public string? Path { get; init; }

    /// <summary>E.g. <c>line 12, column 5 (questions[2].id): …</c>; the line is left out when it is 0.</summary>
    public override string ToString()
    {
        var position = Line <= 0 ? null : Column is { } c ? $"line {Line}, column {c}" : $"line {Line}";
        return (position, Path) switch
        {
            (null, null) => Message,
            (null, _) => $"{Path}: {Message}",
            (_, null) => $"{position}: {Message}",
            _ => $"{position} ({Path}): {Message}",
        };
    }
}

/// <summary>
/// The outcome of an import: a set when there are no errors, and every problem found. Nothing is stored by an
/// import, so a result is also the dry run: <see cref="Set"/> is exactly what would be created.
/// </summary>
public sealed record ImportResult(QuestionSet? Set, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>True when the document produced a set and no errors.</summary>
    public bool Succeeded => Set is not null && Problems.All(p => p.Severity != ImportSeverity.Error);

    /// <summary>The errors only, in order.</summary>
    public IReadOnlyList<ImportProblem> Errors => Problems.Where(p => p.Severity == ImportSeverity.Error).ToList();
}
