using CoachBot.Core.Channels;

namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>StudyPlaces</c> (mirrors <see cref="StudyPlace"/>).</summary>
internal sealed class StudyPlaceEntity
{
    public string PlaceKey { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>Stored by name, so reordering the enum in Core cannot change stored meaning.</summary>
    public PlaceKind Kind { get; set; }

    public string ServiceUrl { get; set; } = string.Empty;

    public string? TenantId { get; set; }

    public string? TeamId { get; set; }

    public string? TeamsChannelId { get; set; }

    public string BotId { get; set; } = string.Empty;

    public string? Name { get; set; }

    public bool Active { get; set; }

    /// <summary>Stored by name.</summary>
    public FeedbackMode Feedback { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
