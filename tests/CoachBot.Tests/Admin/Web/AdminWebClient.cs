using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// A browser without a browser: an HTTP client on the real host that keeps cookies, does not follow redirects, and
/// posts forms with the antiforgery token the page rendered.
/// </summary>
internal sealed partial class AdminWebClient : IDisposable
{
    /// <summary>The configured admin key the tests sign in with (<c>Admin:ApiKeys:0</c>, so its name is <c>config-0</c>).</summary>
    public const string ApiKey = "test-admin-key-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly HttpClientHandler _handler;

    public AdminWebClient(TestHost host)
        : this(host, new CookieContainer())
    {
    }

    /// <summary>A client on <paramref name="host"/> with the cookies of another client (one browser, sent to another instance or to a restarted one).</summary>
    public AdminWebClient(TestHost host, CookieContainer cookies)
    {
        Cookies = cookies;
        _handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = host.Client.BaseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>Host settings that configure <see cref="ApiKey"/>, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Admin:ApiKeys:0"] = ApiKey };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Signs in through the form; returns the POST's response (a redirect on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key = ApiKey, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/admin/sign-in" : $"/admin/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await PostFormAsync(path, [new("Input.ApiKey", key)]);
    }

    /// <summary>GETs a page and asserts it is a 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return html;
    }

    /// <summary>POSTs a form to <paramref name="path"/> with the token of the page at <paramref name="formPage"/> (default: the same path).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var token = Token(await GetPageAsync(formPage ?? path));
        return await PostFormWithTokenAsync(path, fields, token);
    }

    /// <summary>POSTs a form to <paramref name="path"/> with an antiforgery token rendered earlier (perhaps by another instance).</summary>
    public Task<HttpResponseMessage> PostFormWithTokenAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string token) =>
        Http.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));

    /// <summary>The fields of the question edit form (<c>/admin/sets/{id}/questions/{qid}</c>).</summary>
    public static List<KeyValuePair<string, string>> QuestionForm(string text, int expectedVersion, string type = "Concept") =>
    [
        new("Input.Text", text),
        new("Input.Type", type),
        new("Input.Hints", string.Empty),
        new("Input.WeakAnswer", string.Empty),
        new("Input.StrongAnswer", string.Empty),
        new("Input.Enabled", "true"),
        new("Input.ExpectedVersion", expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The value of a hidden input on the page.</summary>
    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"the page has no hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
