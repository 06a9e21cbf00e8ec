using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Combines model scores into a base overall score. Models are ranked by score and weighted n, n−1, …, 1, so depth in
/// some models counts more than thin coverage of all; models the question does not target count half.
/// </summary>
internal static class ScoreCombiner
{
    public static double Combine(IReadOnlyList<MentalModel> models, IReadOnlyList<int> scores, Question question)
    {
        if (models.Count == 0)
        {
            return 0;
        }

        var targets = question.TargetModels ?? [];
        var targeted = targets.Where(t => models.Any(m => string.Equals(m.Slug, t, StringComparison.OrdinalIgnoreCase))).ToList();
        var order = Enumerable.Range(0, models.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        double weighted = 0;
        double total = 0;
        for (var rank = 0; rank < order.Count; rank++)
        {
            var i = order[rank];
            var isTarget = targeted.Count == 0 || targeted.Contains(models[i].Slug, StringComparer.OrdinalIgnoreCase);
            var weight = (models.Count - rank) * (isTarget ? 1.0 : 0.5);
            weighted += weight * scores[i];
            total += weight;
        }

        return weighted / total;
    }
}
