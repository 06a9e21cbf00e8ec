using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin;

/// <summary>What a new version changes, in words an admin reads before confirming an import or edit.</summary>
public static class QuestionSetDiff
{
    /// <summary>The changes from <paramref name="before"/> (null: a new set) to <paramref name="after"/>, one line each.</summary>
    public static IReadOnlyList<string> Describe(QuestionSet? before, QuestionSet after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [$"new set \"{after.Title}\": {after.Questions.Count} questions, {after.Models.Count} mental models, {after.SuccessCriteria.Count} success criteria"];
        }

        var lines = new List<string>();
        if (before.Title != after.Title)
        {
            lines.Add($"title: \"{before.Title}\" → \"{after.Title}\"");
        }

        if (before.Description != after.Description)
        {
            lines.Add("description changed");
        }

        var beforeQuestions = before.Questions.ToDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
        var afterIds = after.Questions.Select(q => q.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var question in after.Questions)
        {
            if (!beforeQuestions.TryGetValue(question.Id, out var old))
            {
                lines.Add($"question {question.Id} added");
            }
            else if (old.Enabled != question.Enabled && SameContent(old with { Enabled = question.Enabled }, question))
            {
                lines.Add($"question {question.Id} {(question.Enabled ? "enabled" : "disabled")}");
            }
            else if (!SameContent(old, question))
            {
                lines.Add($"question {question.Id} changed");
            }
        }

        lines.AddRange(before.Questions.Where(q => !afterIds.Contains(q.Id)).Select(q => $"question {q.Id} removed"));
        if (!before.Models.Select(m => (m.Slug, m.Name, m.Description, string.Join('\n', m.EvidenceHints)))
                .SequenceEqual(after.Models.Select(m => (m.Slug, m.Name, m.Description, string.Join('\n', m.EvidenceHints)))))
        {
            lines.Add($"mental models changed ({before.Models.Count} → {after.Models.Count})");
        }

        if (!before.SuccessCriteria.SequenceEqual(after.SuccessCriteria))
        {
            lines.Add($"success criteria changed ({before.SuccessCriteria.Count} → {after.SuccessCriteria.Count})");
        }

        return lines;
    }

    private static bool SameContent(Question a, Question b) =>
        a.Text == b.Text && a.Type == b.Type && a.GenericAnswer == b.GenericAnswer && a.StrongAnswer == b.StrongAnswer
        && a.Enabled == b.Enabled && a.TargetModels.SequenceEqual(b.TargetModels, StringComparer.OrdinalIgnoreCase) && a.Hints.SequenceEqual(b.Hints);
}
