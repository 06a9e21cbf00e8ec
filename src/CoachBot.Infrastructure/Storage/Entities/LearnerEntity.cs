namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>Learners</c>: a learner's profile.</summary>
internal sealed class LearnerEntity
{
    public string UserKey { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }
}
