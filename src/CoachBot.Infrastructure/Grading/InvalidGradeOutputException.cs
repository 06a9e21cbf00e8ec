namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The model answered, but not with a usable grade (not JSON, wrong shape, a model missing, a score out of range, a
/// quote that is not in the answer…). Counted by the circuit breaker, not retried. The message is a short reason that
/// never echoes the model's output or the answer.
/// </summary>
internal sealed class InvalidGradeOutputException : Exception
{
    public InvalidGradeOutputException()
    {
    }

    public InvalidGradeOutputException(string message)
        : base(message)
    {
    }

    public InvalidGradeOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
