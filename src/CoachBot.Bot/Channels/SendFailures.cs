using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace CoachBot.Bot.ChannelSending;

/// <summary>What a failed connector call means for the send.</summary>
internal enum SendFailureKind
{
    /// <summary>429: wait (Retry-After when given) and try again.</summary>
    Throttled,

    /// <summary>412, 502, 503, 504, a network error or a client timeout: back off and try again.</summary>
    Transient,

    /// <summary>403 (Teams' MessageWritesBlocked, bot removed) or 404 (conversation gone): never retried.</summary>
    Blocked,

    /// <summary>Anything else (400, 401, …): not retried, the send failed.</summary>
    Permanent,
}

/// <summary>A classified failure: kind, HTTP status when there was one, the server's Retry-After, a short reason.</summary>
internal readonly record struct SendFailure(SendFailureKind Kind, int? StatusCode, TimeSpan? RetryAfter, string Reason)
{
    public bool IsRetriable => Kind is SendFailureKind.Throttled or SendFailureKind.Transient;
}

/// <summary>
/// Reads the Bot Connector client's exceptions. The connector (<c>Microsoft.Bot.Connector.Conversations</c>) throws
/// <see cref="ErrorResponseException"/> for a non-2xx answer, with the status and headers on
/// <see cref="ErrorResponseException.Response"/> and the channel's error code (e.g. <c>ConversationBlockedByUser</c>)
/// on its body; other AutoRest clients (Teams operations) throw <see cref="HttpOperationException"/> with the same
/// shape. A refused connection or DNS failure is an <see cref="HttpRequestException"/>, an HttpClient timeout a
/// <see cref="TaskCanceledException"/> that nobody asked for.
/// </summary>
internal static class SendFailures
{
    public static SendFailure Classify(Exception exception, TimeProvider time, CancellationToken callerToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case ErrorResponseException { Response: { } response } e:
                return FromStatus((int)response.StatusCode, response.Headers, e.Body?.Error?.Code, time);
            case HttpOperationException { Response: { } response }:
                return FromStatus((int)response.StatusCode, response.Headers, null, time);
            case HttpRequestException { StatusCode: { } status }:
                return FromStatus((int)status, null, null, time);
            case HttpRequestException:
                return new SendFailure(SendFailureKind.Transient, null, null, "network error");
            case OperationCanceledException when !callerToken.IsCancellationRequested:
                return new SendFailure(SendFailureKind.Transient, null, null, "timed out");
            default:
                return new SendFailure(SendFailureKind.Permanent, null, null, exception.GetType().Name);
        }
    }

    /// <summary>What an answer's status means for a send (and its <c>Retry-After</c>); also used for turn replies.</summary>
    internal static SendFailure FromStatus(int status, IDictionary<string, IEnumerable<string>>? headers, string? code, TimeProvider time)
    {
        var reason = string.IsNullOrWhiteSpace(code)
            ? status.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{status} {code}");
        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => new SendFailure(SendFailureKind.Throttled, status, RetryAfter(headers, time), reason),
            (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.BadGateway
                or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout
                => new SendFailure(SendFailureKind.Transient, status, RetryAfter(headers, time), reason),
            (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound => new SendFailure(SendFailureKind.Blocked, status, null, reason),
            _ => new SendFailure(SendFailureKind.Permanent, status, null, reason),
        };
    }

    /// <summary>The <c>Retry-After</c> header as a delay: delta-seconds or an HTTP date (RFC 9110).</summary>
    internal static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers, TimeProvider time)
    {
        // The wrapper's dictionary may or may not ignore case: look the name up case-insensitively.
        var value = headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - time.GetUtcNow();
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
