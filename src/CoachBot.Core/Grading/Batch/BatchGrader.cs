using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Grading.Batch;

/// <summary>Flags the batch grader adds to the grader's own (<see cref="GradeFlags"/>).</summary>
public static class BatchFlags
{
    /// <summary>The LLM grader was unavailable and the rubric grader answered (<see cref="GradeResult.IsFallback"/>).</summary>
    public const string Fallback = "fallback";

    /// <summary>The question matched none of the set's: graded against all mental models as a concept question.</summary>
    public const string UnknownQuestion = "unknown_question";
}

/// <summary>
/// The <c>grade</c> command's engine, channel-neutral: reads JSON Lines of
/// <c>{"id": …, "question": "…", "answer": "…"}</c> and writes one JSON line per input line, in order,
/// flushed as soon as it is written (so it works in a pipe). A line that cannot be graded gets
/// <c>{"id": …, "error": "…"}</c> and the run goes on; blank lines are skipped without output.
/// Every grade goes through <see cref="GradingService"/>, so LLM grades use the grade cache.
/// </summary>
public sealed partial class BatchGrader(GradingService grading, ILogger<BatchGrader> logger)
{
    /// <summary>The <c>grader</c> value of a grade from the rubric grader (including LLM fallbacks).</summary>
    public const string RubricGraderValue = "rubric";

    /// <summary>The <c>grader</c> value of a grade from the configured LLM grader.</summary>
    public const string LlmGraderValue = "llm";

    /// <summary>Grades every line of <paramref name="input"/> onto <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">The LLM grader was asked for but none is configured.</exception>
    public async Task<BatchSummary> RunAsync(TextReader input, TextWriter output, BatchGradeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Grader == GraderKind.Llm && !grading.UsesLlm)
        {
            throw new InvalidOperationException("The LLM grader was requested but no LLM grader is configured.");
        }

        var matcher = new QuestionMatcher(settings.Set);
        var (lineNumber, graded, failed, skipped) = (0, 0, 0, 0);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF'); // a byte-order mark the reader did not remove
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                skipped++;
                continue;
            }

            string json;
            switch (BatchLineReader.Read(line, settings.MaxAnswerLength))
            {
                case BatchRequestLine request:
                    json = await GradeAsync(request, matcher, settings, cancellationToken);
                    graded++;
                    break;
                case BatchErrorLine error:
                    LogLineRejected(logger, lineNumber, error.Error);
                    json = BatchJson.Error(error.IdJson, error.Error);
                    failed++;
                    break;
                default:
                    throw new InvalidOperationException("Unexpected line kind.");
            }

            await output.WriteLineAsync(json.AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        LogFinished(logger, settings.Set.Id, graded, failed, skipped);
        return new BatchSummary(graded, failed, skipped);
    }

    private async Task<string> GradeAsync(BatchRequestLine line, QuestionMatcher matcher, BatchGradeSettings settings, CancellationToken cancellationToken)
    {
        var match = matcher.Match(line.Question);
        var rubricOnly = settings.Grader == GraderKind.Rubric;
        var grade = await grading.GradeAsync(new GradingRequest(settings.Set, match.Question, line.Answer), ownerKey: null, rubricOnly, cancellationToken);
        LogGraded(logger, match.Question.Id, match.Kind, grade.Overall, grade.Grader);

        var flags = grade.Flags.ToList();
        if (grade.IsFallback)
        {
            flags.Add(BatchFlags.Fallback);
        }

        if (match.Kind == QuestionMatchKind.Unknown)
        {
            flags.Add(BatchFlags.UnknownQuestion);
        }

        var grader = rubricOnly || grade.IsFallback ? RubricGraderValue : LlmGraderValue;
        return BatchJson.Grade(line.IdJson, grade, grader, flags, BatchFeedback.For(grade, match).ToPlainText());
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Graded question {QuestionId} ({MatchKind}): {Score}/100 by {Grader}")]
    private static partial void LogGraded(ILogger logger, string questionId, QuestionMatchKind matchKind, int score, string grader);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Line {LineNumber} was not graded: {Reason}")]
    private static partial void LogLineRejected(ILogger logger, int lineNumber, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Batch grading against set {SetId} finished: {Graded} graded, {Failed} rejected, {Skipped} blank lines skipped")]
    private static partial void LogFinished(ILogger logger, string setId, int graded, int failed, int skipped);
}
