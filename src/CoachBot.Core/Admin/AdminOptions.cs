using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Admin;

/// <summary>Who administers the coach, and the REST API's configured keys (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Admin";

    /// <summary>
    /// User ids as the channels report them: Teams AAD object ids (or <c>29:…</c> ids), Slack user ids,
    /// Emulator ids. Set through the environment, e.g. <c>Admin__Users__0</c>. Default: none. Admins granted in chat
    /// (<c>admin grant</c>) are kept in the database; these cannot be revoked there.
    /// </summary>
    public IList<string> Users { get; } = [];

    /// <summary>
    /// REST API keys (<c>Authorization: Bearer …</c>), from the environment or a vault, e.g. <c>Admin__ApiKeys__0</c>.
    /// At least 32 characters each. Default: none (keys created by admins are stored hashed in the database).
    /// </summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Failed API sign-ins allowed per client address per minute before it gets 429. Default: 10.</summary>
    [Range(1, 10_000)]
    public int FailedSignInsPerMinute { get; set; } = 10;

    /// <summary>True when one of <paramref name="ids"/> is a configured admin (ordinal, ignoring case and surrounding space).</summary>
    public bool IsConfigured(params ReadOnlySpan<string?> ids)
    {
        foreach (var id in ids)
        {
            if (id is { Length: > 0 } && Users.Any(u => string.Equals(u.Trim(), id.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
