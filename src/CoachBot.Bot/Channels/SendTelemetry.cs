using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachBot.Bot.Handlers;
using CoachBot.Core.Diagnostics;

namespace CoachBot.Bot.ChannelSending;

/// <summary>
/// What outbound sends record: <c>coachbot.sends.throttled</c> (429 answers, per attempt; tag <c>platform</c>),
/// <c>coachbot.sends.queue_depth</c> (sends waiting for a rate-limit permit, tag <c>queue=limiter</c>, and deferred
/// replies not delivered yet, <c>queue=deferred</c>) and the <c>coachbot.send</c> span of each send (tags platform,
/// kind, outcome, attempts; never the message).
/// </summary>
internal sealed class SendTelemetry
{
    private readonly Counter<long> _throttled;

    public SendTelemetry(CoachBotMeter meter, SendLimiter limiter, SlowReplyDelivery deferred)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(deferred);
        _throttled = meter.Meter.CreateCounter<long>("coachbot.sends.throttled", "{response}", "429 (Too Many Requests) answers to channel sends, each attempt counted.");
        meter.Meter.CreateObservableGauge(
            "coachbot.sends.queue_depth",
            () => new[]
            {
                new Measurement<int>(limiter.Waiting, new KeyValuePair<string, object?>("queue", "limiter")),
                new Measurement<int>(deferred.PendingCount, new KeyValuePair<string, object?>("queue", "deferred")),
            },
            "{send}",
            "Sends waiting for a rate-limit permit and deferred replies not delivered yet.");
    }

    public void Throttled(string platform) => _throttled.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>Starts the <c>coachbot.send</c> span of one send.</summary>
    public static Activity? StartSpan(string platform, string kind) =>
        CoachBotTelemetry.ActivitySource.StartActivity("coachbot.send")?
            .SetTag("coachbot.platform", platform)
            .SetTag("coachbot.send.kind", kind);

    /// <summary>Ends the span's story: <paramref name="outcome"/> is <c>sent</c>, <c>failed</c>, <c>blocked</c>, <c>cancelled</c> or <c>withheld</c> (its gate said no).</summary>
    public static void Ended(Activity? span, string outcome, int attempts)
    {
        span?.SetTag("coachbot.send.outcome", outcome).SetTag("coachbot.send.attempts", attempts);
        if (outcome is "failed" or "blocked")
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }
    }
}
