using CoachBot.Core.Admin;
using CoachBot.Core.Importing;

namespace CoachBot.Admin.Api;

/// <summary>One problem found in a document or a body: where (line, column, field) and what.</summary>
public sealed record ProblemDto(ImportSeverity Severity, int Line, int? Column, string? Path, string Message)
{
    internal static ProblemDto From(ImportProblem p) => new(p.Severity, p.Line, p.Column, p.Path, p.Message);
}

/// <summary>What an import stored (or, on a dry run or for identical content, would store: nothing).</summary>
/// <param name="Message">One sentence for a person.</param>
/// <param name="SetId">The set.</param>
/// <param name="Title">Its title.</param>
/// <param name="Version">The version stored (or that a dry run would store; the latest when nothing changed).</param>
/// <param name="IsNew">True when the set did not exist.</param>
/// <param name="PreviousVersion">The latest version before the import.</param>
/// <param name="DryRun">True when asked for a dry run.</param>
/// <param name="Stored">True when a version was stored.</param>
/// <param name="Changes">What changes, one line each; empty when the content is identical.</param>
/// <param name="Warnings">Problems that did not stop the import.</param>
public sealed record ImportDto(
    string Message,
    string SetId,
    string Title,
    int Version,
    bool IsNew,
    int? PreviousVersion,
    bool DryRun,
    bool Stored,
    IReadOnlyList<string> Changes,
    IReadOnlyList<ProblemDto> Warnings)
{
    internal static ImportDto From(AdminResult<ImportPreview> result)
    {
        var p = result.Value!;
        return new(result.Message, p.Set.Id, p.Set.Title, p.Set.Version, p.IsNew, p.PreviousVersion, p.DryRun,
            result.Status == AdminStatus.Created, p.Changes, [.. result.Problems.Select(ProblemDto.From)]);
    }
}
