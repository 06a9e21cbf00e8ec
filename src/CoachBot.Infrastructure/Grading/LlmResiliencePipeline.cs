using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The named resilience pipeline around each LLM call, outermost first:
/// total timeout → retry (exponential backoff with jitter, honouring Retry-After up to a cap, transient failures only)
/// → circuit breaker (also counts invalid outputs) → per-attempt timeout.
/// </summary>
internal static class LlmResiliencePipeline
{
    /// <summary>The pipeline's name in the Polly registry.</summary>
    public const string Name = "coachbot-llm-grading";

    /// <summary>Adds the four strategies to <paramref name="builder"/> with <paramref name="options"/>.</summary>
    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, GradingResilienceOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        builder.TimeProvider = time;
        return builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "retry",
                ShouldHandle = args => ValueTask.FromResult(LlmFailures.IsTransient(args.Outcome.Exception)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Exception, options.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    LlmGradingLog.Retrying(logger, args.AttemptNumber + 1, LlmFailures.Describe(args.Outcome.Exception), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                Name = "circuit-breaker",
                ShouldHandle = args => ValueTask.FromResult(LlmFailures.CountsForCircuit(args.Outcome.Exception)),
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                OnOpened = args =>
                {
                    LlmGradingLog.CircuitOpened(logger, args.BreakDuration.TotalSeconds, LlmFailures.Describe(args.Outcome.Exception));
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    LlmGradingLog.CircuitHalfOpened(logger);
                    return default;
                },
                OnClosed = _ =>
                {
                    LlmGradingLog.CircuitClosed(logger);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }
}
