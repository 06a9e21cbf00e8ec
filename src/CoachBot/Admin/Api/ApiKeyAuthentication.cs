using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoachBot.Admin.Api;

/// <summary>
/// The "ApiKey" authentication scheme: <c>Authorization: Bearer &lt;key&gt;</c> checked by
/// <see cref="AdminAccess.VerifyApiKeyAsync"/> (configured <c>Admin:ApiKeys</c> and keys admins created). A client
/// address with too many failed sign-ins (<see cref="SignInThrottle"/>) is refused with 429 before its key is looked at;
/// a missing or wrong key is a 401 ProblemDetails with <c>WWW-Authenticate: Bearer</c>. Never the default scheme: only
/// endpoints under the "Admin" policy run it, so a Bot Framework token on /api/messages is never counted as a failure.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminAccess access,
    SignInThrottle throttle,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim holding the stored key's id (absent for configured keys).</summary>
    public const string KeyIdClaim = "coachbot:api_key_id";

    private const string BlockedItem = "coachbot:sign-in-blocked";
    private const string PresentedItem = "coachbot:key-presented";
    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var client = Context.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            Context.Items[BlockedItem] = retryAfter;
            LogBlocked(Logger, client?.ToString());
            return AuthenticateResult.Fail("Too many failed sign-ins from this address.");
        }

        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        Context.Items[PresentedItem] = true;
        var key = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
        if (await access.VerifyApiKeyAsync(key, Context.RequestAborted) is not { } identity)
        {
            throttle.RecordFailure(client);
            LogRejected(Logger, client?.ToString());
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name) };
        if (identity.KeyId is { } id)
        {
            claims.Add(new Claim(KeyIdClaim, id.ToString("D")));
        }

        LogAccepted(Logger, identity.Name);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(BlockedItem, out var value) && value is TimeSpan retryAfter)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return WriteAsync(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
                $"This address sent too many invalid API keys; try again in {seconds} seconds.");
        }

        var presented = Context.Items.ContainsKey(PresentedItem);
        Response.Headers[HeaderNames.WWWAuthenticate] = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return WriteAsync(StatusCodes.Status401Unauthorized, "Unauthorized", presented
            ? "The API key is not valid (unknown, revoked or mistyped)."
            : "Send an admin API key: Authorization: Bearer <key>.");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key may not do that.");

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Rejected an admin API key from {Client}")]
    private static partial void LogRejected(ILogger logger, string? client);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Refused an admin API request from {Client}: too many failed sign-ins")]
    private static partial void LogBlocked(ILogger logger, string? client);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Admin API request with key {KeyName}")]
    private static partial void LogAccepted(ILogger logger, string keyName);
}
