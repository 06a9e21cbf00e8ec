using CoachBot.Bot.ChannelSending;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Adapter;

/// <summary>
/// Retries a Bot Connector call that the platform answered with a status Teams documents as "try again"
/// (412, 429, 502, 503, 504), so a throttled reply within a turn, or a deferred feedback message, is delivered
/// instead of lost (without it one 429 ends the turn in "something went wrong"). At most
/// <see cref="MaxAttempts"/> attempts; the wait is the answer's <c>Retry-After</c>, else an exponential backoff
/// from <see cref="BaseDelay"/> with jitter; a <c>Retry-After</c> beyond <see cref="MaxWait"/> is not waited for
/// (a turn must answer the channel within seconds), and the answer goes back to the caller.
/// <para>
/// It sits on the default <see cref="IHttpClientFactory"/> client, which the Bot Framework connector clients use.
/// The study-channel sender's calls (<see cref="SenderOwnedCalls"/>) pass straight through: it retries with its own
/// pipeline (limits, ledger, metrics), and two layers of retries would multiply attempts.
/// </para>
/// </summary>
internal sealed partial class ConnectorRetryHandler(TimeProvider time, ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    /// <summary>Attempts per call, the first included.</summary>
    internal const int MaxAttempts = 3;

    /// <summary>The longest wait between two attempts (a longer <c>Retry-After</c> is not waited for).</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    /// <summary>The first backoff when the answer has no <c>Retry-After</c>; doubled per attempt, ±25 % jitter.</summary>
    internal static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (SenderOwnedCalls.Active || attempt >= MaxAttempts || request.Content is StreamContent)
            {
                return response;
            }

            // The study-channel sender's classification: 412, 429, 502, 503, 504 are worth another attempt.
            var headers = response.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value)).ToDictionary();
            var failure = SendFailures.FromStatus((int)response.StatusCode, headers, null, time);
            if (response.IsSuccessStatusCode || !failure.IsRetriable)
            {
                return response;
            }

            var delay = failure.RetryAfter ?? Backoff(attempt);
            if (delay > MaxWait)
            {
                return response;
            }

            LogRetrying(logger, (int)response.StatusCode, request.RequestUri?.Host ?? "unknown", attempt, (long)delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var backoff = BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(backoff * (0.75 + (Random.Shared.NextDouble() * 0.5)));
#pragma warning restore CA5394
    }

    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Bot Connector answered {Status} ({ConnectorHost}); attempt {Attempt} is retried in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, int status, string connectorHost, int attempt, long delayMs);
}
