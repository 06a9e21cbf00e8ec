using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Practice;

/// <summary>
/// Chooses the next question: every enabled question once, in set order, before any repeats; once the
/// set is exhausted, the learner's lowest-scoring questions first (latest score per question).
/// </summary>
public static class QuestionPicker
{
    /// <summary>Picks the next question, or <c>null</c> when the set has no enabled question.</summary>
    /// <param name="set">The set.</param>
    /// <param name="askedBefore">Question ids already asked of this learner in this set.</param>
    /// <param name="attempts">The learner's attempts (any set; others are ignored).</param>
    /// <param name="currentQuestionId">The question just asked, avoided when there is another choice.</param>
    public static QuestionPick? Pick(QuestionSet set, IReadOnlySet<string> askedBefore, IReadOnlyList<Attempt> attempts, string? currentQuestionId)
    {
        var enabled = set.EnabledQuestions;
        if (enabled.Count == 0)
        {
            return null;
        }

        var unasked = enabled.FirstOrDefault(q => !askedBefore.Contains(q.Id));
        if (unasked is not null)
        {
            return new QuestionPick(unasked, IsReview: false);
        }

        var latestScore = attempts
            .Where(a => a.SetId == set.Id)
            .GroupBy(a => a.QuestionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.CreatedAt)!.Grade.Overall);

        var candidates = enabled.Where(q => q.Id != currentQuestionId).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. enabled];
        }

        var next = candidates
            .Select((q, index) => (q, index, score: latestScore.TryGetValue(q.Id, out var s) ? s : -1))
            .OrderBy(x => x.score)
            .ThenBy(x => x.index)
            .First().q;
        return new QuestionPick(next, IsReview: true);
    }
}

/// <summary>The picked question; <paramref name="IsReview"/> is true once every question has been asked.</summary>
public sealed record QuestionPick(Question Question, bool IsReview);
