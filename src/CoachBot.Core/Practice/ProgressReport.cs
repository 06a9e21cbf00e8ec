using CoachBot.Core.Grading;

namespace CoachBot.Core.Practice;

/// <summary>Aggregates over a learner's attempts.</summary>
/// <param name="Attempts">Number of attempts.</param>
/// <param name="Average">Average overall score (0 when there are none).</param>
/// <param name="Best">Best overall score.</param>
/// <param name="Latest">Latest overall score.</param>
/// <param name="ModelAverages">Average score per mental model name, in first-seen order.</param>
public sealed record ProgressReport(int Attempts, int Average, int Best, int Latest, IReadOnlyList<(string Name, int Average)> ModelAverages)
{
    /// <summary>The model with the lowest average, or <c>null</c>.</summary>
    public (string Name, int Average)? Weakest => ModelAverages.Count == 0 ? null : ModelAverages.MinBy(m => m.Average);

    /// <summary>Builds the report from attempts (oldest first).</summary>
    public static ProgressReport From(IReadOnlyList<Attempt> attempts)
    {
        if (attempts.Count == 0)
        {
            return new ProgressReport(0, 0, 0, 0, []);
        }

        var models = attempts
            .SelectMany(a => a.Grade.Models)
            .GroupBy(m => m.Name)
            .Select(g => (g.Key, (int)Math.Round(g.Average(m => m.Score), MidpointRounding.AwayFromZero)))
            .ToList();
        return new ProgressReport(
            attempts.Count,
            (int)Math.Round(attempts.Average(a => a.Grade.Overall), MidpointRounding.AwayFromZero),
            attempts.Max(a => a.Grade.Overall),
            attempts[^1].Grade.Overall,
            models);
    }

}
