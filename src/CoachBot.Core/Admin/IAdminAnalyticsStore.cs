namespace CoachBot.Core.Admin;

/// <summary>One graded answer as analytics sees it: no answer text, no user names.</summary>
/// <param name="SetId">The set.</param>
/// <param name="PlaceKey">The place for channel answers; <c>null</c> for 1:1 practice.</param>
/// <param name="UserKey">The learner (counted, never shown).</param>
/// <param name="At">When it was graded.</param>
/// <param name="Overall">The overall score.</param>
/// <param name="Models">Score per mental model slug.</param>
public sealed record GradedAnswerPoint(string SetId, string? PlaceKey, string UserKey, DateTimeOffset At, int Overall, IReadOnlyDictionary<string, int> Models);

/// <summary>Reads graded answers (1:1 attempts and channel answers) for the admin dashboard (infrastructure layer).</summary>
public interface IAdminAnalyticsStore
{
    /// <summary>Graded answers of <paramref name="setId"/> (all sets when <c>null</c>) since <paramref name="sinceUtc"/>, oldest first.</summary>
    Task<IReadOnlyList<GradedAnswerPoint>> GetGradedAnswersAsync(string? setId, DateTimeOffset sinceUtc, CancellationToken cancellationToken = default);
}
