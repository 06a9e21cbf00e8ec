using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Channels;

/// <summary>The end-of-window summary of one question of the day.</summary>
/// <param name="Answers">How many members answered.</param>
/// <param name="ModelAverages">Class average per mental model, in the set's order.</param>
/// <param name="Weakest">The model with the lowest average, or <c>null</c> without answers.</param>
/// <param name="Tip">One tip for the weakest model.</param>
/// <param name="TopNamed">The best answers of members who opted in to being named (name, score, streak), best first.</param>
public sealed record Recap(
    int Answers,
    IReadOnlyList<(MentalModel Model, double Average)> ModelAverages,
    MentalModel? Weakest,
    string? Tip,
    IReadOnlyList<(string Name, int Score, int Streak)> TopNamed)
{
    /// <summary>How many named answers a recap lists at most.</summary>
    public const int TopCount = 3;

    /// <summary>Builds the recap from the prompt's answers (each member's latest answer counts once).</summary>
    public static Recap Build(
        QuestionSet set,
        IReadOnlyList<ChannelAnswer> answers,
        IReadOnlySet<string> namedMembers,
        Func<string, int> streakOf)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(namedMembers);
        ArgumentNullException.ThrowIfNull(streakOf);
        var latest = answers.GroupBy(a => a.UserKey).Select(g => g.OrderBy(a => a.UpdatedAt ?? a.CreatedAt).Last()).ToList();
        if (latest.Count == 0)
        {
            return new Recap(0, [], null, null, []);
        }

        var averages = set.Models
            .Select(m => (m, latest.Average(a => (double)(a.Grade.Models.FirstOrDefault(g => g.Slug == m.Slug)?.Score ?? 0))))
            .ToList();
        var weakest = averages.Count == 0 ? null : averages.MinBy(x => x.Item2).m;
        var tip = weakest is null ? null : latest
            .Select(a => a.Grade)
            .Where(g => g.Weakest?.Slug == weakest.Slug && !string.IsNullOrWhiteSpace(g.Tip))
            .Select(g => g.Tip)
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? weakest.Description;
        var top = latest
            .Where(a => namedMembers.Contains(a.UserKey))
            .OrderByDescending(a => a.Grade.Overall)
            .ThenBy(a => a.CreatedAt)
            .Take(TopCount)
            .Select(a => (a.UserName ?? "A member", a.Grade.Overall, streakOf(a.UserKey)))
            .ToList();
        return new Recap(latest.Count, averages, weakest, tip, top);
    }
}
