using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachBot.Bot.Diagnostics;
using CoachBot.Core.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// Measures every turn: <c>coachbot.turns</c> and <c>coachbot.turn.duration</c> (seconds), both tagged
/// <c>channel</c>, <c>kind</c> (<c>message</c>, <c>edit</c>, <c>conversationUpdate</c>, <c>installationUpdate</c>,
/// <c>other</c>) and <c>outcome</c> (<c>ok</c>, <c>duplicate</c> for a redelivered activity, <c>error</c>,
/// <c>cancelled</c>), and the <c>coachbot.turn</c> span around it. A reply deferred by <see cref="SlowReplyDelivery"/>
/// is not part of the turn's duration; its grade and send are still children of the turn's span.
/// </summary>
public sealed class TurnTelemetry
{
    private const string DuplicateKey = "coachbot.turn.duplicate";
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on <paramref name="meter"/>.</summary>
    public TurnTelemetry(CoachBotMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _turns = meter.Meter.CreateCounter<long>("coachbot.turns", "{turn}", "Turns handled, by channel, activity kind and outcome.");
        _duration = meter.CreateDuration("coachbot.turn.duration", "How long a turn took, from the activity to the replies sent and state saved.");
    }

    /// <summary>Marks the turn as a redelivery that was ignored (outcome <c>duplicate</c>).</summary>
    public static void MarkDuplicate(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[DuplicateKey] = true;
    }

    /// <summary>Runs <paramref name="turn"/> inside a <c>coachbot.turn</c> span and records it.</summary>
    public async Task MeasureAsync(ITurnContext turnContext, Func<Task> turn)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        var tags = new TagList
        {
            { "channel", ChannelTag.For(turnContext.Activity.ChannelId) },
            { "kind", KindOf(turnContext.Activity.Type) },
        };
        using var span = CoachBotTelemetry.ActivitySource.StartActivity("coachbot.turn")?
            .SetTag("coachbot.channel", tags[0].Value)
            .SetTag("coachbot.turn.kind", tags[1].Value);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await turn();
            outcome = turnContext.TurnState.ContainsKey(DuplicateKey) ? "duplicate" : "ok";
        }
        catch (Exception ex)
        {
            outcome = ex is OperationCanceledException ? "cancelled" : "error";
            span.MarkFailed(ex);
            throw;
        }
        finally
        {
            tags.Add("outcome", outcome);
            _turns.Add(1, tags);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            span?.SetTag("coachbot.turn.outcome", outcome);
        }
    }

    internal static string KindOf(string? activityType) => activityType switch
    {
        ActivityTypes.Message => "message",
        ActivityTypes.MessageUpdate => "edit",
        ActivityTypes.ConversationUpdate => "conversationUpdate",
        ActivityTypes.InstallationUpdate => "installationUpdate",
        _ => "other",
    };
}
