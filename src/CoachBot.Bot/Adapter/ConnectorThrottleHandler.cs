using System.Diagnostics.Metrics;
using System.Net;
using CoachBot.Core.Diagnostics;

namespace CoachBot.Bot.Adapter;

/// <summary>
/// Counts the 429 (Too Many Requests) answers of every Bot Connector call, in <c>coachbot.connector.throttled</c>
/// (tag <c>host</c>, the service URL's host): replies within turns, which the study-channel send counter
/// (<c>coachbot.sends.throttled</c>) does not see, as well as proactive sends. It sits on the default
/// <see cref="IHttpClientFactory"/> client, the one the Bot Framework connector clients are created with; it
/// changes nothing in the request or the response.
/// </summary>
internal sealed class ConnectorThrottleHandler(ConnectorThrottleHandler.Metrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.Throttled(request.RequestUri?.Host ?? "unknown");
        }

        return response;
    }

    /// <summary>The counter, one per process (handlers are created per client pipeline).</summary>
    internal sealed class Metrics
    {
        private readonly Counter<long> _throttled;

        public Metrics(CoachBotMeter meter)
        {
            ArgumentNullException.ThrowIfNull(meter);
            _throttled = meter.Meter.CreateCounter<long>(
                "coachbot.connector.throttled", "{response}", "429 (Too Many Requests) answers to Bot Connector calls (turn replies and proactive sends), each attempt counted.");
        }

        public void Throttled(string host) => _throttled.Add(1, new KeyValuePair<string, object?>("host", host));
    }
}
