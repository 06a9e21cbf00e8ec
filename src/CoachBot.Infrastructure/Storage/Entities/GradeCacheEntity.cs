namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>GradeCache</c>: one LLM grade under a hash of what decided it (no answer text in the key).</summary>
internal sealed class GradeCacheEntity
{
    public string Key { get; set; } = string.Empty;

    public string Grader { get; set; } = string.Empty;

    public string GradeJson { get; set; } = string.Empty;

    /// <summary>The learner whose answer produced the grade ("forget me" deletes it: evidence quotes are their words).</summary>
    public string? OwnerKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
