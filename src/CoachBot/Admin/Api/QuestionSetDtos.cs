using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Admin.Api;

/// <summary>One set in the list: its latest version.</summary>
public sealed record QuestionSetSummaryDto(string Id, string Title, string Description, int Version, int Questions, int EnabledQuestions, int Models)
{
    internal static QuestionSetSummaryDto From(QuestionSet set) =>
        new(set.Id, set.Title, set.Description, set.Version, set.Questions.Count, set.EnabledQuestions.Count, set.Models.Count);
}

/// <summary>A set version in the shape of the JSON import format (what <c>POST</c> and <c>PUT</c> take back).</summary>
public sealed record QuestionSetDto(
    string Id,
    string Title,
    string Description,
    string Source,
    int Version,
    IReadOnlyList<MentalModelDto> Models,
    IReadOnlyList<string> SuccessCriteria,
    IReadOnlyList<QuestionDto> Questions)
{
    internal static QuestionSetDto From(QuestionSet set) => new(
        set.Id, set.Title, set.Description, set.Source, set.Version,
        [.. set.Models.Select(m => new MentalModelDto(m.Slug, m.Name, m.Description, m.EvidenceHints))],
        set.SuccessCriteria,
        [.. set.Questions.Select(QuestionDto.From)]);
}

/// <summary>A mental model (a rubric dimension).</summary>
public sealed record MentalModelDto(string Slug, string Name, string Description, IReadOnlyList<string> EvidenceHints);

/// <summary>A question; <see cref="Type"/> is written as in import files (<c>concept</c>, <c>example-story</c>, <c>trade-off</c>, <c>scenario</c>).</summary>
public sealed record QuestionDto(
    string Id,
    string Text,
    QuestionType Type,
    IReadOnlyList<string> TargetModels,
    IReadOnlyList<string> Hints,
    string? WeakAnswer,
    string? StrongAnswer,
    bool Enabled)
{
    internal static QuestionDto From(Question q) => new(q.Id, q.Text, q.Type, q.TargetModels, q.Hints, q.GenericAnswer, q.StrongAnswer, q.Enabled);
}

/// <summary>
/// The body of <c>PUT …/questions/{qid}</c>: the question's new content (the id comes from the address), and the set
/// <c>version</c> the edit was made on when <c>If-Match</c> is not sent.
/// </summary>
public sealed record QuestionBody(
    string? Text,
    QuestionType Type = QuestionType.Concept,
    IReadOnlyList<string>? TargetModels = null,
    IReadOnlyList<string>? Hints = null,
    string? WeakAnswer = null,
    string? StrongAnswer = null,
    bool Enabled = true,
    int? Version = null)
{
    internal Question ToQuestion(string id) =>
        new(id, Text?.Trim() ?? string.Empty, Type, Blank(WeakAnswer), Blank(StrongAnswer), [.. TargetModels ?? []], Enabled) { Hints = [.. Hints ?? []] };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A change to a set: what happened, and the set as it now is (its <c>version</c> is the next <c>If-Match</c>).</summary>
public sealed record SetChangeDto(string Message, QuestionSetDto Set)
{
    internal static Func<QuestionSet, SetChangeDto> With(string message) => set => new SetChangeDto(message, QuestionSetDto.From(set));
}

/// <summary>One stored version of a set.</summary>
public sealed record VersionDto(int Version, string Title, int Questions, DateTimeOffset CreatedAt, string CreatedBy, string? Note)
{
    internal static VersionDto From(QuestionSetVersionInfo v) => new(v.Version, v.Title, v.Questions, v.CreatedAt, v.CreatedBy, v.Note);
}
