using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoachBot.Admin.Web.Pages;

/// <summary>
/// <c>/admin/sign-in</c>: an API key opens a session cookie. Failures count against the client address in
/// <see cref="SignInThrottle"/> (shared with the REST API); a blocked address gets 429 and says how long to wait.
/// </summary>
public sealed partial class SignInModel(AdminService admin, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>The posted form.</summary>
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go after signing in (a page under <c>/admin</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? Error { get; private set; }

    /// <summary>Shows the form, or goes straight on when the session is still valid.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var session = await HttpContext.AuthenticateAsync(AdminCookie.Scheme);
        return session.Succeeded ? LocalRedirect(SafeReturnUrl()) : Page();
    }

    /// <summary>Checks the key: a session on success, a counted failure otherwise.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var client = HttpContext.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(client, out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            LogThrottled(logger, client?.ToString() ?? "unknown");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Error = string.Create(CultureInfo.InvariantCulture,
                $"Too many failed sign-ins from your address. Wait {seconds} {(seconds == 1 ? "second" : "seconds")}, then try again.");
            return Page();
        }

        var identity = ModelState.IsValid ? await admin.Access.VerifyApiKeyAsync(Input.ApiKey, cancellationToken) : null;
        if (identity is null)
        {
            throttle.RecordFailure(client);
            LogFailed(logger, client?.ToString() ?? "unknown");
            Error = "That API key is not valid. Check it and try again.";
            return Page();
        }

        await HttpContext.SignInAsync(AdminCookie.Scheme, AdminCookie.CreatePrincipal(identity), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        LogSignedIn(logger, identity.Name);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() =>
        ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(AdminWeb.PathBase, StringComparison.OrdinalIgnoreCase) && !url.StartsWith(AdminWeb.SignInPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : AdminWeb.PathBase;

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Admin web sign-in with API key {KeyName}")]
    private static partial void LogSignedIn(ILogger logger, string keyName);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Admin web sign-in failed from {Client}")]
    private static partial void LogFailed(ILogger logger, string client);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Admin web sign-in refused for {Client}: too many failures")]
    private static partial void LogThrottled(ILogger logger, string client);
}

/// <summary>The sign-in form.</summary>
public sealed class SignInInput
{
    /// <summary>The API key (never echoed back, never logged).</summary>
    [Required(ErrorMessage = "Enter an API key.")]
    [StringLength(512)]
    [DataType(DataType.Password)]
    [Display(Name = "API key")]
    public string? ApiKey { get; set; }
}
