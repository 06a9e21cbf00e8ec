namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>PracticeSessions</c>.</summary>
internal sealed class PracticeSessionEntity
{
    public Guid Id { get; set; }

    public string UserKey { get; set; } = string.Empty;

    public string SetId { get; set; } = string.Empty;

    public int SetVersion { get; set; }

    public string? CurrentQuestionId { get; set; }

    /// <summary>The asked question ids, in order, as a JSON array of strings.</summary>
    public string AskedQuestionIds { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
