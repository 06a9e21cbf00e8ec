using CoachBot.Core.Admin;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IAdminAnalyticsStore"/> on EF Core: graded 1:1 attempts and channel answers, read without their answer
/// text (only the grade JSON is loaded, for the per-model scores).
/// </summary>
/// <param name="contexts">The context factory.</param>
public sealed class EfAdminAnalyticsStore(IDbContextFactory<CoachBotDbContext> contexts) : IAdminAnalyticsStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<GradedAnswerPoint>> GetGradedAnswersAsync(string? setId, DateTimeOffset sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => a.CreatedAt >= sinceUtc && (setId == null || a.SetId == setId))
            .Select(a => new { a.SetId, PlaceKey = (string?)null, a.UserKey, a.CreatedAt, a.Overall, a.GradeJson })
            .ToListAsync(cancellationToken);
        var channel = await db.ChannelAnswers.AsNoTracking()
            .Where(a => a.CreatedAt >= sinceUtc)
            .Join(db.DailyPrompts, a => a.PromptId, p => p.Id, (a, p) => new { p.SetId, PlaceKey = (string?)a.PlaceKey, a.UserKey, a.CreatedAt, a.Overall, a.GradeJson })
            .Where(a => setId == null || a.SetId == setId)
            .ToListAsync(cancellationToken);
        return [.. attempts.Concat(channel)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new GradedAnswerPoint(
                a.SetId, a.PlaceKey, a.UserKey, a.CreatedAt, a.Overall,
                StorageJson.Deserialize<GradeDocument>(a.GradeJson).Models.GroupBy(m => m.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Score, StringComparer.Ordinal)))];
    }
}
