using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin;

/// <summary>What an import created (or, on a dry run, would create).</summary>
/// <param name="Set">The set as it would be stored (with the version it gets).</param>
/// <param name="IsNew">True when no set with this id existed.</param>
/// <param name="PreviousVersion">The latest version before the import, when the set existed.</param>
/// <param name="Changes">What changes, one line each (empty: identical to the latest version, nothing stored).</param>
/// <param name="DryRun">True when nothing was stored.</param>
public sealed record ImportPreview(QuestionSet Set, bool IsNew, int? PreviousVersion, IReadOnlyList<string> Changes, bool DryRun);

/// <summary>A new question as an admin writes it; the id is given the next free <c>qN</c> when omitted.</summary>
public sealed record QuestionDraft(
    string Text,
    QuestionType Type = QuestionType.Concept,
    string? Id = null,
    IReadOnlyList<string>? TargetModels = null,
    IReadOnlyList<string>? Hints = null,
    string? WeakAnswer = null,
    string? StrongAnswer = null,
    bool Enabled = true);
