namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>
/// Row of <c>DailyPrompts</c> (mirrors <see cref="Core.Channels.DailyPrompt"/>). The unique index on
/// (ScheduleId, OccurrenceUtc, PlaceKey) is what makes an occurrence post at most once.
/// </summary>
internal sealed class DailyPromptEntity
{
    public Guid Id { get; set; }

    public Guid ScheduleId { get; set; }

    public string PlaceKey { get; set; } = string.Empty;

    public DateTimeOffset OccurrenceUtc { get; set; }

    public string SetId { get; set; } = string.Empty;

    public int SetVersion { get; set; }

    public string QuestionId { get; set; } = string.Empty;

    public string? ThreadId { get; set; }

    public string? PostId { get; set; }

    public DateTimeOffset RecapDueUtc { get; set; }

    public DateTimeOffset? RecapSentAt { get; set; }
}
