using System.Security.Claims;
using CoachBot.Core.Admin;

namespace CoachBot.Admin.Api;

/// <summary>The admin behind a request the "ApiKey" scheme authenticated.</summary>
internal static class ApiCaller
{
    /// <summary>The audit actor: <c>key:{name}</c> through <see cref="AdminVia.Api"/>.</summary>
    public static AdminActor Actor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("The admin API ran without an authenticated key.");
        var keyId = Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var id) ? id : (Guid?)null;
        return new ApiKeyIdentity(name, keyId).ToActor(AdminVia.Api);
    }
}
