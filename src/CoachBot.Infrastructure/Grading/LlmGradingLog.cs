using Microsoft.Extensions.Logging;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The LLM grader's log events (3000–3099). Never the answer, the prompt, the model's output or a key: ids, counts,
/// durations and short reasons only.
/// </summary>
internal static partial class LlmGradingLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "LLM grade for question {QuestionId} by {Grader}: overall {Overall}, {InputTokens} input and {OutputTokens} output tokens, {ElapsedMs} ms")]
    public static partial void Graded(ILogger logger, string questionId, string grader, int overall, int inputTokens, int outputTokens, long elapsedMs);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "LLM output for question {QuestionId} rejected by {Grader}: {Reason}")]
    public static partial void OutputRejected(ILogger logger, string questionId, string grader, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "LLM grader {Grader} unavailable for question {QuestionId}: {Reason}")]
    public static partial void Unavailable(ILogger logger, string grader, string questionId, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Rubric check added {Flags} to the LLM grade for question {QuestionId}; overall capped at {Overall}")]
    public static partial void DefenceFlagged(ILogger logger, string flags, string questionId, int overall);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "LLM attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "LLM circuit opened for {BreakSeconds} s after {Reason}; the rubric grader answers meanwhile")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "LLM circuit closed; LLM grading resumed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "LLM circuit half-open; trying one call")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Model's own overall {ModelOverall} differs from the computed {Overall} for question {QuestionId}")]
    public static partial void OverallDiffers(ILogger logger, int modelOverall, int overall, string questionId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "LLM grader failure detail")]
    public static partial void FailureDetail(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "LLM grading on {Provider} with {Model} ({Authentication}); grader {Grader}")]
    public static partial void Configured(ILogger logger, string provider, string model, string authentication, string grader);
}
