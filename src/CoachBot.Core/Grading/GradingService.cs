using System.Diagnostics;
using CoachBot.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Grading;

/// <summary>
/// The one place answers are graded, for chat, channels and the <c>grade</c> command. With the rubric
/// configured it simply asks <see cref="RubricGrader"/>. With an LLM grader configured it looks the
/// answer up in the grade cache first, asks the LLM, caches a valid grade, and when the LLM is
/// unavailable (failed, timed out, open-circuited or returned invalid output) answers with the rubric
/// grader, marked <see cref="GradeResult.IsFallback"/>: a learner always gets feedback. Every grade is measured
/// (<see cref="GradingMetrics"/>) and traced as a <c>coachbot.grade</c> span.
/// </summary>
public sealed partial class GradingService(
    IAnswerGrader primary,
    RubricGrader rubric,
    IGradeCache cache,
    GradingMetrics metrics,
    ILogger<GradingService> logger)
{
    /// <summary><c>true</c> when the configured grader is a language model.</summary>
    public bool UsesLlm => primary.Kind == GraderKind.Llm;

    /// <summary>The configured grader's name.</summary>
    public string PrimaryName => primary.Name;

    /// <summary>
    /// Grades <paramref name="request"/>. <paramref name="ownerKey"/> (the learner) is stored with a
    /// cached grade so "forget me" can delete it. <paramref name="rubricOnly"/> skips the LLM.
    /// </summary>
    public async Task<GradeResult> GradeAsync(GradingRequest request, string? ownerKey, bool rubricOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rubricAsked = rubricOnly || primary.Kind == GraderKind.Rubric;
        var grader = rubricAsked ? rubric.Name : primary.Name;
        using var span = GradingMetrics.StartSpan(grader, request.Question.Id);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (grade, cached) = rubricAsked ? (rubric.Grade(request), false) : await GradeWithPrimaryAsync(request, ownerKey, cancellationToken);
            metrics.Graded(span, grader, grade, cached, Stopwatch.GetElapsedTime(started));
            return grade;
        }
        catch (Exception ex)
        {
            span.MarkFailed(ex);
            throw;
        }
    }

    private async Task<(GradeResult Grade, bool Cached)> GradeWithPrimaryAsync(GradingRequest request, string? ownerKey, CancellationToken cancellationToken)
    {
        var key = GradeCacheKey.For(request, primary.Name);
        if (await cache.GetAsync(key, cancellationToken) is { } cached)
        {
            LogCacheHit(logger, request.Question.Id, primary.Name);
            return (cached, true);
        }

        try
        {
            var grade = await primary.GradeAsync(request, cancellationToken);
            await cache.SetAsync(key, grade, ownerKey, cancellationToken);
            return (grade, false);
        }
        catch (GradingUnavailableException ex)
        {
            // The reason never carries answer text; the exception goes to Debug only (it may quote the service).
            LogFallback(logger, primary.Name, request.Question.Id, ex.Message);
            LogFallbackDetail(logger, ex);
            return (rubric.Grade(request) with { IsFallback = true }, false);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Grade for question {QuestionId} came from the grade cache ({Grader})")]
    private static partial void LogCacheHit(ILogger logger, string questionId, string grader);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Grader {Grader} unavailable for question {QuestionId}; the rubric grader answered. Reason: {Reason}")]
    private static partial void LogFallback(ILogger logger, string grader, string questionId, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Grader failure detail")]
    private static partial void LogFallbackDetail(ILogger logger, Exception exception);
}
