namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>ChannelAnswers</c>: a member's graded reply to a question of the day.</summary>
internal sealed class ChannelAnswerEntity
{
    public Guid Id { get; set; }

    public Guid PromptId { get; set; }

    public string PlaceKey { get; set; } = string.Empty;

    public string UserKey { get; set; } = string.Empty;

    public string? UserName { get; set; }

    /// <summary>The reply's message id; unique per prompt when present (a re-grade updates the same row).</summary>
    public string? MessageId { get; set; }

    public string Answer { get; set; } = string.Empty;

    /// <summary>Copy of the grade's overall score (for queries); the grade itself is <see cref="GradeJson"/>.</summary>
    public int Overall { get; set; }

    /// <summary>The complete grade (see <see cref="GradeDocument"/>).</summary>
    public string GradeJson { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
