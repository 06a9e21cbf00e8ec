namespace CoachBot.Core.Channels;

/// <summary>Who may change channel schedules (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Admin";

    /// <summary>
    /// User ids as the channels report them: Teams AAD object ids (or <c>29:…</c> ids), Slack user ids,
    /// Emulator ids. Set through the environment, e.g. <c>Admin__Users__0</c>. Default: none.
    /// </summary>
    public IList<string> Users { get; } = [];

    /// <summary>True when any of the member's ids is a configured admin (ordinal, ignoring case).</summary>
    public bool IsAdmin(ChannelTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Users.Any(u => string.Equals(u.Trim(), turn.UserId, StringComparison.OrdinalIgnoreCase)
            || (turn.UserAadObjectId is { Length: > 0 } aad && string.Equals(u.Trim(), aad, StringComparison.OrdinalIgnoreCase)));
    }
}
