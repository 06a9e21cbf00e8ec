namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>Conversations</c> (mirrors <see cref="Core.State.ConversationRecord"/>).</summary>
internal sealed class ConversationEntity
{
    public string ConversationKey { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public string? ConversationType { get; set; }

    public string ServiceUrl { get; set; } = string.Empty;

    public string? TenantId { get; set; }

    public string? UserKey { get; set; }

    public string ReferenceJson { get; set; } = string.Empty;

    public bool Active { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
