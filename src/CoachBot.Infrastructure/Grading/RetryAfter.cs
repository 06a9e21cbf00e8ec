using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// Reads how long the server asked us to wait from a failed call's response: <c>retry-after-ms</c> (milliseconds,
/// also as <c>x-ms-retry-after-ms</c>) first, then <c>Retry-After</c> as delta-seconds or an HTTP date.
/// </summary>
internal static class RetryAfter
{
    /// <summary>
    /// The delay the server asked for, capped at <paramref name="max"/>, or <c>null</c> when it asked for none (the
    /// retry strategy's exponential backoff applies then).
    /// </summary>
    public static TimeSpan? From(Exception? exception, TimeSpan max, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (exception is not ClientResultException failure || failure.GetRawResponse() is not { } response)
        {
            return null;
        }

        var asked = Parse(response.Headers, time.GetUtcNow());
        return asked is null ? null : asked.Value > max ? max : asked.Value;
    }

    /// <summary>The delay in <paramref name="headers"/>, never negative, or <c>null</c>.</summary>
    public static TimeSpan? Parse(PipelineResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && double.IsFinite(milliseconds))
            {
                return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, TimeSpan.FromDays(1).TotalMilliseconds));
            }
        }

        return headers.TryGetValue("Retry-After", out var value) ? ParseRetryAfter(value, now) : null;
    }

    /// <summary>A <c>Retry-After</c> value: delta-seconds or an HTTP date (relative to <paramref name="now"/>).</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, TimeSpan.FromDays(1).TotalSeconds));
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
