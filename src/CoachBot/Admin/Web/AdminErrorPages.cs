using System.Net;

namespace CoachBot.Admin.Web;

/// <summary>
/// What <c>/admin</c> answers when a page cannot: a short, friendly HTML page per status code (never a stack trace; the
/// exception handler logs the details), and the security headers every admin response carries.
/// </summary>
internal static class AdminErrorPages
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Writes the page for the response's status code (500 after an unhandled exception).</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        var status = context.Response.StatusCode is >= 400 and < 600 ? context.Response.StatusCode : StatusCodes.Status500InternalServerError;
        var (title, message) = Describe(status);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · CoachBot admin</title><link rel="stylesheet" href="{{AdminWeb.AssetsPath}}/admin.css"></head>
            <body><main id="main" class="narrow"><h1>{{title}}</h1><p role="alert">{{message}}</p>
            <p><a href="{{AdminWeb.PathBase}}">Back to the dashboard</a></p></main></body>
            </html>
            """;
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    /// <summary>Adds the security headers (and no caching, except for the stylesheet) when the response starts.</summary>
    public static Task AddSecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments(AdminWeb.AssetsPath, StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    private static (string Title, string Message) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("The form was not accepted",
            "The form was out of date or incomplete (forms expire when you sign in again or open them in another tab). Go back, reload the page and try again."),
        StatusCodes.Status403Forbidden => ("Not allowed", "Your session does not allow this. Sign in again with an admin API key."),
        StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address. Use the menu to find what you were looking for."),
        StatusCodes.Status405MethodNotAllowed => ("Not available", "This address does not take that kind of request. Use the forms on the pages."),
        StatusCodes.Status413PayloadTooLarge => ("Too large", "That upload is too large. Documents of up to 1 MB can be imported."),
        >= 500 => ("Something went wrong", "The admin page hit an error on the server. Nothing of it is shown here; the server log has the details. Try again in a moment."),
        _ => (((HttpStatusCode)status).ToString(), "The request could not be completed."),
    };
}
