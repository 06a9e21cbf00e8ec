using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;

namespace CoachBot.Admin.Web;

/// <summary>
/// The web admin page (<c>/admin</c>): Razor Pages under <c>Admin/Web/Pages</c>, a cookie session opened with an API
/// key, antiforgery on every form, and one stylesheet served from the assembly (no CDN, no script).
/// </summary>
public static class AdminWeb
{
    /// <summary>Where the pages live.</summary>
    public const string PathBase = "/admin";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = PathBase + "/sign-in";

    /// <summary>Where the stylesheet is served.</summary>
    public const string AssetsPath = PathBase + "/assets";

    /// <summary>Registers the pages, the <see cref="AdminCookie.Scheme"/> cookie scheme and the <see cref="AdminCookie.Policy"/> policy.</summary>
    public static IServiceCollection AddCoachBotAdminWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Admin/Web/Pages";
            o.Conventions.AuthorizeFolder("/", AdminCookie.Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
        }).ConfigureApplicationPartManager(AddThisAssembly);
        services.AddAuthentication().AddCookie(AdminCookie.Scheme, o =>
        {
            o.Cookie.Name = "coachbot-admin";
            o.Cookie.Path = PathBase;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = AdminCookie.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.EventsType = typeof(AdminSessionEvents);
        });
        services.AddSingleton<AdminSessionEvents>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminCookie.Policy, p => p.AddAuthenticationSchemes(AdminCookie.Scheme).RequireAuthenticatedUser());
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "coachbot-admin-status";
            o.Cookie.Path = PathBase;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>
    /// MVC finds pages in the entry assembly, which is not this one when a test runner hosts the app: the pages
    /// (and their compiled views) are added explicitly, once.
    /// </summary>
    private static void AddThisAssembly(ApplicationPartManager manager)
    {
        var assembly = typeof(AdminWeb).Assembly;
        if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            manager.ApplicationParts.Add(part);
        }
    }

    /// <summary>Maps the pages and the stylesheet; on <c>/admin</c>, adds security headers and friendly error pages.</summary>
    public static WebApplication MapCoachBotAdminWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(PathBase, StringComparison.OrdinalIgnoreCase), admin =>
        {
            admin.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = AdminErrorPages.WriteAsync });
            admin.UseStatusCodePages(context => AdminErrorPages.WriteAsync(context.HttpContext));
            admin.Use(AdminErrorPages.AddSecurityHeaders);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(AdminWeb).Assembly, "CoachBot.Admin.Web.Assets"),
            RequestPath = AssetsPath,
        });
        app.MapRazorPages();
        return app;
    }
}
