namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>ChannelMembers</c>: one member's preferences in one study place.</summary>
internal sealed class ChannelMemberEntity
{
    public string PlaceKey { get; set; } = string.Empty;

    public string UserKey { get; set; } = string.Empty;

    /// <summary>Opted in to being named in the place's recaps.</summary>
    public bool NamedInRecaps { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
