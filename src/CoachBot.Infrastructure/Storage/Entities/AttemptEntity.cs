namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>Attempts</c>: one graded answer.</summary>
internal sealed class AttemptEntity
{
    /// <summary>
    /// Database-generated insertion sequence (the primary key). It breaks ties between attempts created
    /// at the same instant so "oldest first" keeps insertion order.
    /// </summary>
    public long Seq { get; set; }

    /// <summary>The attempt id (unique).</summary>
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string UserKey { get; set; } = string.Empty;

    public string SetId { get; set; } = string.Empty;

    public int SetVersion { get; set; }

    public string QuestionId { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;

    public string? SourceMessageId { get; set; }

    /// <summary>Copy of the grade's overall score (for queries); the grade itself is <see cref="GradeJson"/>.</summary>
    public int Overall { get; set; }

    /// <summary>The complete grade (see <see cref="GradeDocument"/>).</summary>
    public string GradeJson { get; set; } = string.Empty;

    /// <summary>Copy of the grade's grader name (for queries).</summary>
    public string Grader { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
