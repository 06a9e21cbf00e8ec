using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Grading;

/// <summary>
/// The one place answers are graded, for chat, channels and the <c>grade</c> command. With the rubric
/// configured it simply asks <see cref="RubricGrader"/>. With an LLM grader configured it looks the
/// answer up in the grade cache first, asks the LLM, caches a valid grade, and when the LLM is
/// unavailable (failed, timed out, open-circuited or returned invalid output) answers with the rubric
/// grader, marked <see cref="GradeResult.IsFallback"/>: a learner always gets feedback.
/// </summary>
public sealed partial class GradingService(
    IAnswerGrader primary,
    RubricGrader rubric,
    IGradeCache cache,
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
        if (rubricOnly || primary.Kind == GraderKind.Rubric)
        {
            return rubric.Grade(request);
        }

        var key = GradeCacheKey.For(request, primary.Name);
        if (await cache.GetAsync(key, cancellationToken) is { } cached)
        {
            LogCacheHit(logger, request.Question.Id, primary.Name);
            return cached;
        }

        try
        {
            var grade = await primary.GradeAsync(request, cancellationToken);
            await cache.SetAsync(key, grade, ownerKey, cancellationToken);
            return grade;
        }
        catch (GradingUnavailableException ex)
        {
            // The reason never carries answer text; the exception goes to Debug only (it may quote the service).
            LogFallback(logger, primary.Name, request.Question.Id, ex.Message);
            LogFallbackDetail(logger, ex);
            return rubric.Grade(request) with { IsFallback = true };
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Grade for question {QuestionId} came from the grade cache ({Grader})")]
    private static partial void LogCacheHit(ILogger logger, string questionId, string grader);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Grader {Grader} unavailable for question {QuestionId}; the rubric grader answered. Reason: {Reason}")]
    private static partial void LogFallback(ILogger logger, string grader, string questionId, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Grader failure detail")]
    private static partial void LogFallbackDetail(ILogger logger, Exception exception);
}
