using System.Diagnostics;

namespace CoachBot.Core.Diagnostics;

/// <summary>
/// The names CoachBot's telemetry is published under: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both called <c>CoachBot</c>. Only BCL types: the host decides
/// whether anything listens (OpenTelemetry, <c>dotnet-counters</c>, a test's listener). Tags never carry answer
/// text, user or conversation ids, or secrets.
/// </summary>
public static class CoachBotTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CoachBot";

    /// <summary>The activity source's name.</summary>
    public const string ActivitySourceName = "CoachBot";

    /// <summary>The source of CoachBot's spans (<c>coachbot.turn</c>, <c>coachbot.grade</c>, <c>coachbot.send</c>).</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(CoachBotTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Bucket boundaries, in seconds, of the duration histograms: 5 ms to a minute (an LLM grade may take 30 s).</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>
    /// Marks <paramref name="activity"/> failed with the exception's type as <c>error.type</c>. Only the type: an
    /// exception's message may quote a service's answer or a user's text.
    /// </summary>
    public static void MarkFailed(this Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error).SetTag("error.type", exception.GetType().FullName);
    }
}
