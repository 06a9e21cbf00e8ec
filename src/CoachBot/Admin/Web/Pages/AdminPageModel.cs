using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoachBot.Admin.Web.Pages;

/// <summary>What every signed-in admin page shares: the audit actor, the one-line status carried over a redirect, and outcome messages.</summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>The TempData key of the status line shown after a redirect.</summary>
    public const string StatusKey = "Status";

    /// <summary>An error to show at the top of the page.</summary>
    public string? Error { get; protected set; }

    /// <summary>The problems behind <see cref="Error"/>, with their lines or fields.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; protected set; } = [];

    /// <summary>The signed-in admin, as the audit log records them.</summary>
    protected AdminActor Actor => AdminCookie.ToActor(User);

    /// <summary>Shows <paramref name="message"/> on the next page (after a redirect).</summary>
    protected void Flash(string message) => TempData[StatusKey] = message;

    /// <summary>Shows a failed outcome on this page, with the HTTP status it maps to.</summary>
    protected void ShowFailure<T>(AdminResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Error = result.Message;
        Problems = result.Problems;
        Response.StatusCode = result.Status switch
        {
            AdminStatus.NotFound => StatusCodes.Status404NotFound,
            AdminStatus.Conflict => StatusCodes.Status409Conflict,
            AdminStatus.Invalid => StatusCodes.Status422UnprocessableEntity,
            AdminStatus.Refused => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>Shows <paramref name="message"/> as this page's error with 404.</summary>
    protected void ShowNotFound(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
