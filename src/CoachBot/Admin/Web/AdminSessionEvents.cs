using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin.Web;

/// <summary>
/// Ends a web session whose key no longer exists: a stored key that was revoked or deleted, or a configured key
/// (<c>config-N</c>) that was removed from <see cref="AdminOptions.ApiKeys"/>. Checked on every request.
/// </summary>
public sealed partial class AdminSessionEvents(AdminAccess access, IOptionsMonitor<AdminOptions> options, ILogger<AdminSessionEvents> logger)
    : CookieAuthenticationEvents
{
    /// <inheritdoc />
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AdminCookie.ReadIdentity(context.Principal) is { } identity && await IsStillValidAsync(identity, context.HttpContext.RequestAborted))
        {
            return;
        }

        LogSessionEnded(logger);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AdminCookie.Scheme);
    }

    private async Task<bool> IsStillValidAsync(ApiKeyIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.KeyId is { } id)
        {
            var keys = await access.ListApiKeysAsync(cancellationToken);
            return keys.Any(k => k.Id == id && k.RevokedAt is null);
        }

        const string prefix = "config-";
        return identity.Name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(identity.Name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < options.CurrentValue.ApiKeys.Count;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Admin web session ended: its API key was revoked or removed")]
    private static partial void LogSessionEnded(ILogger logger);
}
