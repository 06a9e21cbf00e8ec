using CoachBot.Core.Channels;

namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>Deliveries</c> (mirrors <see cref="Delivery"/>); the primary key makes each post recorded once.</summary>
internal sealed class DeliveryEntity
{
    public string Key { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string PlaceKey { get; set; } = string.Empty;

    public DateTimeOffset DueUtc { get; set; }

    /// <summary>Stored by name.</summary>
    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public string? ThreadId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The instance that owns it (<see cref="Delivery.Owner"/>).</summary>
    public string? Owner { get; set; }
}
