using CoachBot.Core.Channels;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin;

/// <summary>One mental model's daily class averages, aligned with <see cref="ModelTrend.Days"/> (null: no answers that day).</summary>
public sealed record ModelSeries(string Slug, string Name, IReadOnlyList<double?> Averages, double? Overall);

/// <summary>Per-model class averages over time for one set, in one place or everywhere.</summary>
/// <param name="SetId">The set.</param>
/// <param name="SetTitle">Its title.</param>
/// <param name="PlaceKey">The place, or <c>null</c> for every place and 1:1 practice.</param>
/// <param name="Days">The UTC days covered, oldest first.</param>
/// <param name="Series">One series per mental model of the set's latest version, in its order.</param>
/// <param name="Answers">Graded answers counted.</param>
public sealed record ModelTrend(string SetId, string SetTitle, string? PlaceKey, IReadOnlyList<DateOnly> Days, IReadOnlyList<ModelSeries> Series, int Answers);

/// <summary>Participation in one place (or 1:1 practice, <see cref="PlaceKey"/> = <c>null</c>).</summary>
public sealed record Participation(string? PlaceKey, string Name, int Answers, int Members, double? AverageScore, DateTimeOffset? LastAnswerAt);

/// <summary>The admin dashboard's numbers: per-model averages over time, and participation per place.</summary>
public sealed class AdminAnalytics(IAdminAnalyticsStore answers, IQuestionSetStore sets, IStudyChannelStore places, TimeProvider time)
{
    /// <summary>The longest window, in days.</summary>
    public const int MaxDays = 366;

    /// <summary>Daily per-model averages of <paramref name="setId"/> over the last <paramref name="days"/> days; <c>null</c> when the set does not exist.</summary>
    public async Task<ModelTrend?> GetModelTrendAsync(string setId, string? placeKey = null, int days = 30, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(setId) || await sets.GetLatestAsync(setId.Trim().ToLowerInvariant(), cancellationToken) is not { } set)
        {
            return null;
        }

        var (from, dayList) = Window(days);
        var points = (await answers.GetGradedAnswersAsync(set.Id, from, cancellationToken))
            .Where(p => placeKey is null || p.PlaceKey == placeKey)
            .ToList();
        var byDay = points.GroupBy(p => DateOnly.FromDateTime(p.At.UtcDateTime)).ToDictionary(g => g.Key, g => g.ToList());
        var series = set.Models.Select(model => new ModelSeries(
                model.Slug,
                model.Name,
                [.. dayList.Select(day => byDay.TryGetValue(day, out var onDay) ? Average(onDay, model.Slug) : null)],
                Average(points, model.Slug)))
            .ToList();
        return new ModelTrend(set.Id, set.Title, placeKey, dayList, series, points.Count);
    }

    /// <summary>Answers, distinct members and average score per place (and for 1:1 practice) over the last <paramref name="days"/> days.</summary>
    public async Task<IReadOnlyList<Participation>> GetParticipationAsync(string? setId = null, int days = 30, CancellationToken cancellationToken = default)
    {
        var (from, _) = Window(days);
        var points = await answers.GetGradedAnswersAsync(string.IsNullOrWhiteSpace(setId) ? null : setId.Trim().ToLowerInvariant(), from, cancellationToken);
        var names = (await places.GetPlacesAsync(cancellationToken)).ToDictionary(p => p.PlaceKey, p => p.Name ?? p.PlaceKey);
        return [.. points.GroupBy(p => p.PlaceKey)
            .Select(g => new Participation(
                g.Key,
                g.Key is null ? "1:1 practice" : names.GetValueOrDefault(g.Key, g.Key),
                g.Count(),
                g.Select(p => p.UserKey).Distinct(StringComparer.Ordinal).Count(),
                Math.Round(g.Average(p => p.Overall), 1),
                g.Max(p => p.At)))
            .OrderByDescending(p => p.Answers)];
    }

    private (DateTimeOffset From, IReadOnlyList<DateOnly> Days) Window(int days)
    {
        var count = Math.Clamp(days, 1, MaxDays);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - count);
        return (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), [.. Enumerable.Range(0, count).Select(first.AddDays)]);
    }

    private static double? Average(IReadOnlyCollection<GradedAnswerPoint> points, string slug)
    {
        var scores = points.Where(p => p.Models.ContainsKey(slug)).Select(p => p.Models[slug]).ToList();
        return scores.Count == 0 ? null : Math.Round(scores.Average(), 1);
    }
}
