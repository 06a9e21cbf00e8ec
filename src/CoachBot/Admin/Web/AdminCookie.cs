using System.Security.Claims;
using CoachBot.Core.Admin;

namespace CoachBot.Admin.Web;

/// <summary>
/// The web admin page's session: a cookie issued after a valid API key was presented. It carries the key's name (and
/// the stored key's id), never the key itself; the audit actor is rebuilt from those claims.
/// </summary>
public static class AdminCookie
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "AdminCookie";

    /// <summary>The authorization policy every admin page but sign-in requires.</summary>
    public const string Policy = "AdminWeb";

    /// <summary>The claim holding the stored key's id (absent for configured keys).</summary>
    public const string KeyIdClaim = "coachbot:api-key-id";

    /// <summary>How long an idle session lasts (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>The principal for a verified key.</summary>
    public static ClaimsPrincipal CreatePrincipal(ApiKeyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name) };
        if (identity.KeyId is { } id)
        {
            claims.Add(new Claim(KeyIdClaim, id.ToString("D")));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The key identity behind a signed-in principal, or <c>null</c>.</summary>
    public static ApiKeyIdentity? ReadIdentity(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return null;
        }

        var keyId = Guid.TryParse(principal.FindFirstValue(KeyIdClaim), out var parsed) ? parsed : (Guid?)null;
        return new ApiKeyIdentity(name, keyId);
    }

    /// <summary>The audit actor of a signed-in admin.</summary>
    public static AdminActor ToActor(ClaimsPrincipal principal) =>
        ReadIdentity(principal)?.ToActor(AdminVia.Web) ?? throw new InvalidOperationException("The admin page was reached without a session.");
}
