using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CoachBot.Bot.ChannelSending;

/// <summary>
/// The named resilience pipeline around each connector request: one retry strategy. 429 waits for the server's
/// <c>Retry-After</c> (a 429 asking for more than <see cref="ChannelSendingOptions.MaxRetryAfter"/> is not retried);
/// 412/502/503/504, network errors and client timeouts back off exponentially with jitter from
/// <see cref="ChannelSendingOptions.BaseDelay"/>; 403/404 and other statuses are never retried. At most
/// <see cref="ChannelSendingOptions.MaxAttempts"/> attempts. The rate limiter sits inside, so every attempt waits
/// for its own permit.
/// </summary>
internal static class ChannelSendPipeline
{
    /// <summary>The pipeline's name in the Polly registry.</summary>
    public const string Name = "coachbot-channel-send";

    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, ChannelSendingOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        builder.TimeProvider = time;
        if (options.MaxAttempts <= 1)
        {
            return builder; // Polly needs at least one retry; one attempt means no retry strategy at all
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            Name = "retry",
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, options, time, args.Context.CancellationToken)),
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is { } ex ? SendFailures.Classify(ex, time).RetryAfter : null),
            OnRetry = args =>
            {
                var failure = SendFailures.Classify(args.Outcome.Exception!, time);
                ChannelSendingLog.Retrying(logger, args.AttemptNumber + 1, failure.Reason, (long)args.RetryDelay.TotalMilliseconds);
                return default;
            },
        });
    }

    private static bool ShouldRetry(Exception? exception, ChannelSendingOptions options, TimeProvider time, CancellationToken token)
    {
        if (exception is null || token.IsCancellationRequested)
        {
            return false;
        }

        var failure = SendFailures.Classify(exception, time, token);
        return failure.IsRetriable && !(failure.RetryAfter > options.MaxRetryAfter);
    }
}
