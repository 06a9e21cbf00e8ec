using System.Globalization;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin;

/// <summary>Question-level edits of <see cref="QuestionSetAdmin"/>: each stores a new version of the set.</summary>
public sealed partial class QuestionSetAdmin
{
    /// <summary><c>admin add question &lt;set&gt; &lt;text&gt;</c>: appends a question (next free <c>qN</c> id unless given).</summary>
    public Task<AdminResult<QuestionSet>> AddQuestionAsync(AdminActor actor, string setId, QuestionDraft draft, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return SaveNextAsync(actor, setId, expectedVersion, set =>
        {
            var id = string.IsNullOrWhiteSpace(draft.Id) ? NextQuestionId(set) : draft.Id.Trim();
            var question = new Question(id, draft.Text?.Trim() ?? string.Empty, draft.Type, Blank(draft.WeakAnswer), Blank(draft.StrongAnswer), [.. draft.TargetModels ?? []], draft.Enabled)
            {
                Hints = [.. draft.Hints ?? []],
            };
            return set with { Questions = [.. set.Questions, question] };
        }, "question.add", "question added", cancellationToken);
    }

    /// <summary>Replaces one question (matched by id) of the set.</summary>
    public async Task<AdminResult<QuestionSet>> UpdateQuestionAsync(AdminActor actor, string setId, Question question, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (await GetAsync(setId, null, cancellationToken) is { } latest && latest.FindQuestion(question.Id) is null)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, $"Set \"{latest.Id}\" has no question \"{Clip(question.Id)}\".");
        }

        return await SaveNextAsync(actor, setId, expectedVersion, set => set with
        {
            Questions = [.. set.Questions.Select(q => string.Equals(q.Id, question.Id, StringComparison.OrdinalIgnoreCase) ? question with { Id = q.Id } : q)],
        }, "question.edit", $"question {question.Id} edited", cancellationToken);
    }

    /// <summary><c>admin disable question &lt;set&gt; &lt;qid&gt;</c> (and enable): disabled questions are never asked.</summary>
    public async Task<AdminResult<QuestionSet>> SetQuestionEnabledAsync(
        AdminActor actor, string setId, string questionId, bool enabled, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(setId, null, cancellationToken) is not { } latest)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, NoSuchSet(setId));
        }

        if (latest.FindQuestion(questionId ?? string.Empty) is not { } question)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, $"Set \"{latest.Id}\" has no question \"{Clip(questionId ?? string.Empty)}\". Say admin set {latest.Id} to see the ids.");
        }

        if (question.Enabled == enabled)
        {
            return AdminResult<QuestionSet>.Ok(latest, $"Question {question.Id} of \"{latest.Id}\" is already {(enabled ? "enabled" : "disabled")}.");
        }

        return await SaveNextAsync(actor, latest.Id, expectedVersion, set => set with
        {
            Questions = [.. set.Questions.Select(q => q.Id == question.Id ? q with { Enabled = enabled } : q)],
        }, enabled ? "question.enable" : "question.disable", $"question {question.Id} {(enabled ? "enabled" : "disabled")}", cancellationToken);
    }

    private static string NextQuestionId(QuestionSet set)
    {
        var taken = set.Questions.Select(q => q.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var n = set.Questions.Count + 1;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"q{n}")))
        {
            n++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"q{n}");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
