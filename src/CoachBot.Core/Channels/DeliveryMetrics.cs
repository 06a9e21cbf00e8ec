using System.Diagnostics.Metrics;
using CoachBot.Core.Diagnostics;

namespace CoachBot.Core.Channels;

/// <summary>
/// <c>coachbot.deliveries</c>: posts to study places and deferred replies, counted once each when they end. Tags:
/// <c>kind</c> (the delivery kind: <c>daily</c>, <c>recap</c>, <c>quiz-announce</c>, <c>quiz-question</c>,
/// <c>quiz-results</c>, <c>deferred-reply</c>) and <c>outcome</c> (<c>sent</c>, <c>failed</c>, <c>blocked</c>,
/// <c>skipped</c>). A delivery cut short by shutdown is not counted: it stays pending and is counted when it ends.
/// </summary>
public sealed class DeliveryMetrics
{
    private readonly Counter<long> _deliveries;

    /// <summary>Creates the counter on <paramref name="meter"/>.</summary>
    public DeliveryMetrics(CoachBotMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _deliveries = meter.Meter.CreateCounter<long>("coachbot.deliveries", "{delivery}", "Deliveries that ended, by kind and outcome.");
    }

    /// <summary>Counts a delivery that was sent, failed or was refused for good.</summary>
    public void Ended(string kind, SendOutcome outcome) => Add(kind, outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Blocked => "blocked",
        _ => "failed",
    });

    /// <summary>Counts a delivery that was skipped (a holiday, or missed beyond the grace period).</summary>
    public void Skipped(string kind) => Add(kind, "skipped");

    private void Add(string kind, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
