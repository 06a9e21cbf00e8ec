using System.ClientModel;
using System.Globalization;
using Polly.Timeout;

namespace CoachBot.Infrastructure.Grading;

/// <summary>Which failures of an LLM call are retried and which the circuit breaker counts.</summary>
internal static class LlmFailures
{
    /// <summary>
    /// Worth another attempt: an attempt timeout, a network failure (no HTTP response), 408, 429 or any 5xx. Everything
    /// else (400, 401, 403, 404, an invalid output, an open circuit) would fail the same way again.
    /// </summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        ClientResultException e => IsTransientStatus(e.Status),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>
    /// Counted by the circuit breaker: transient failures, invalid outputs, and 401/403/404 (a wrong key or deployment
    /// fails every call, so failing fast saves the learner the wait). Other 4xx are about one request (a content filter,
    /// say) and must not open the circuit for everyone.
    /// </summary>
    public static bool CountsForCircuit(Exception? exception) =>
        IsTransient(exception)
        || exception is InvalidGradeOutputException
        || exception is ClientResultException { Status: 401 or 403 or 404 };

    /// <summary>0 (no response), 408, 429 and 5xx.</summary>
    public static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>A short reason for logs and <see cref="Core.Grading.GradingUnavailableException"/>; never the service's message text.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        TimeoutRejectedException e => string.Create(CultureInfo.InvariantCulture, $"attempt timed out after {e.Timeout.TotalSeconds:0.###} s"),
        ClientResultException { Status: 0 } => "network error (no HTTP response)",
        ClientResultException e => $"HTTP {e.Status}",
        HttpRequestException or IOException => "network error",
        InvalidGradeOutputException e => e.Message,
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
