using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Admin.Web.Pages;

/// <summary><c>/admin/sign-out</c>: ends the session (a POST from the header's button; GET shows the same button).</summary>
public sealed class SignOutModel : AdminPageModel
{
    /// <summary>Shows the button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Deletes the session cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AdminCookie.Scheme);
        Flash("You are signed out.");
        return RedirectToPage("/SignIn");
    }
}
