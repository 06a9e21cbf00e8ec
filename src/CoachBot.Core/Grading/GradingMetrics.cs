using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachBot.Core.Diagnostics;

namespace CoachBot.Core.Grading;

/// <summary>
/// What grading records: <c>coachbot.grading.duration</c> (seconds; tags <c>grader</c>, <c>cached</c>,
/// <c>fallback</c>), <c>coachbot.grading.fallbacks</c> (tag <c>grader</c>: the grader that failed) and the
/// <c>coachbot.grade</c> span. <c>grader</c> is the grader asked (the configured one, or the rubric grader when the
/// caller asked for the rubric only), so an LLM's latency includes the waits that ended in the fallback.
/// </summary>
public sealed class GradingMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fallbacks;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public GradingMetrics(CoachBotMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _duration = meter.CreateDuration("coachbot.grading.duration", "How long grading one answer took, cache look-up and fallback included.");
        _fallbacks = meter.Meter.CreateCounter<long>("coachbot.grading.fallbacks", "{grade}", "Grades the rubric grader gave because the configured grader was unavailable.");
    }

    /// <summary>Starts the <c>coachbot.grade</c> span (the answer is never a tag).</summary>
    internal static Activity? StartSpan(string grader, string questionId) =>
        CoachBotTelemetry.ActivitySource.StartActivity("coachbot.grade")?
            .SetTag("coachbot.grader", grader)
            .SetTag("coachbot.question.id", questionId);

    /// <summary>Records a finished grade on the instruments and its span.</summary>
    internal void Graded(Activity? span, string grader, GradeResult grade, bool cached, TimeSpan elapsed)
    {
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("grader", grader),
            new KeyValuePair<string, object?>("cached", cached),
            new KeyValuePair<string, object?>("fallback", grade.IsFallback));
        if (grade.IsFallback)
        {
            _fallbacks.Add(1, new KeyValuePair<string, object?>("grader", grader));
        }

        span?.SetTag("coachbot.grade.cached", cached)
            .SetTag("coachbot.grade.fallback", grade.IsFallback)
            .SetTag("coachbot.grade.score", grade.Overall);
    }
}
