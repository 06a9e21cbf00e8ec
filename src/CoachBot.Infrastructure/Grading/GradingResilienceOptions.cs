using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// How the LLM grader copes with a slow or failing service (configuration section <c>Grading:Resilience</c>). The
/// pipeline is, outermost first: total timeout, retry, circuit breaker, per-attempt timeout. The client library's own
/// retries are off, so these are the only retries.
/// </summary>
public sealed class GradingResilienceOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Grading:Resilience";

    /// <summary>Longest time for one grade, all attempts and waits included. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Grading:Resilience:TotalTimeout must be between 10 ms and 10 minutes.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time for one attempt (one HTTP call). Default 10 seconds; must not exceed <see cref="TotalTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Grading:Resilience:AttemptTimeout must be between 10 ms and 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for transient failures only (408, 429, 5xx, network, attempt timeout). Default 3.</summary>
    [Range(1, 10, ErrorMessage = "Grading:Resilience:MaxRetryAttempts must be between 1 and 10.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Grading:Resilience:RetryBaseDelay must be between 0 and 1 minute.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Cap on a delay the server asks for (<c>Retry-After</c>, <c>retry-after-ms</c>); a longer request is waited for
    /// only this long. Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Grading:Resilience:MaxRetryAfter must be between 0 and 5 minutes.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed attempts within the sampling window that opens the circuit, above 0 up to 1. Default 0.5.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "Grading:Resilience:CircuitBreakerFailureRatio must be above 0 and at most 1.")]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Fewest attempts in the sampling window before the circuit may open, at least 2. Default 4.</summary>
    [Range(2, 10000, ErrorMessage = "Grading:Resilience:CircuitBreakerMinimumThroughput must be between 2 and 10000.")]
    public int CircuitBreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the failure ratio is measured, at least 0.5 seconds. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Grading:Resilience:CircuitBreakerSamplingDuration must be between 0.5 seconds and 1 hour.")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails fast (the rubric grader answers) before one trial call, at least 0.5 seconds. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Grading:Resilience:CircuitBreakerBreakDuration must be between 0.5 seconds and 1 hour.")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AttemptTimeout > TotalTimeout)
        {
            yield return new ValidationResult(
                "Grading:Resilience:AttemptTimeout must not exceed Grading:Resilience:TotalTimeout.",
                [nameof(AttemptTimeout), nameof(TotalTimeout)]);
        }
    }
}
