using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Api;

/// <summary>
/// Base of the admin REST API tests: the real host on Kestrel at 127.0.0.1 with a real database and a configured
/// API key, and small helpers to call it as a script would (bearer key, JSON, If-Match) and read ProblemDetails.
/// </summary>
public abstract class AdminApiTest : LoopbackTest
{
    /// <summary>The key configured in <c>Admin:ApiKeys:0</c> (its name is <c>config-0</c>).</summary>
    protected const string ConfiguredKey = "cfg-test-key-0123456789abcdefghijklmnop";

    /// <summary>The default set, seeded at start from the bundled document.</summary>
    protected const string SeedSet = "amazon-customer-trust";

    /// <summary>The bundled study document the default set was seeded from.</summary>
    protected static Task<string> SeedMarkdownAsync() =>
        File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, CoachBot.Hosting.DefaultQuestionSetSeeder.BundledDocument));

    /// <summary>Starts the host; <paramref name="settings"/> override the defaults (the key, a generous sign-in throttle).</summary>
    protected Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Admin:ApiKeys:0"] = ConfiguredKey,
            ["Admin:FailedSignInsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return TestHost.StartAsync(Db, all, configure);
    }

    /// <summary>Sends a request with <c>Authorization: Bearer <paramref name="key"/></c> (none when null).</summary>
    protected static Task<HttpResponseMessage> SendAsync(
        TestHost host, HttpMethod method, string path, string? key = ConfiguredKey, HttpContent? content = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return host.Client.SendAsync(request);
    }

    protected static Task<HttpResponseMessage> GetAsync(TestHost host, string path, string? key = ConfiguredKey) => SendAsync(host, HttpMethod.Get, path, key);

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    protected static StringContent Json(object body) => Json(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    protected static StringContent Text(string text, string contentType) => new(text, Encoding.UTF8, contentType);

    /// <summary>Asserts the status and reads the JSON body.</summary>
    protected static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a ProblemDetails response (<c>application/problem+json</c>, <c>status</c> in the body) and returns it.</summary>
    protected static async Task<JsonNode> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ReadAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        await AssertDocumentedAsync(response.RequestMessage!, (int)status);
        return problem;
    }

    /// <summary>
    /// Every error answer a test sees must be in the OpenAPI document for its operation: so each error path the tests
    /// drive also checks the document (401 and 429 are declared on every admin operation).
    /// </summary>
    private static async Task AssertDocumentedAsync(HttpRequestMessage request, int status)
    {
        var uri = request.RequestUri!;
        if (!uri.AbsolutePath.StartsWith("/api/admin/", StringComparison.Ordinal) || status >= 500)
        {
            return; // not an admin operation, or a failure no operation promises
        }

        var document = await OpenApiDocuments.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), async origin =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(origin) };
            return JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        });
        var segments = uri.AbsolutePath.Split('/');
        var operation = document["paths"]!.AsObject()
            .Where(p => Matches(p.Key.Split('/'), segments))
            .OrderBy(p => p.Key.Count(c => c == '{')) // a literal segment wins over a parameter, as in routing
            .Select(p => p.Value![request.Method.Method.ToLowerInvariant()])
            .FirstOrDefault(o => o is not null);
        if (operation is null && status is 404 or 405)
        {
            return; // a route or method that does not exist: no operation to document it
        }

        Assert.True(operation is not null, $"{request.Method} {uri.AbsolutePath} is not in the OpenAPI document");
        var documented = operation!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.True(
            documented.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            $"{request.Method} {uri.AbsolutePath} answered {status}, which its OpenAPI operation does not list ({string.Join(", ", documented)})");

        static bool Matches(string[] template, string[] path) =>
            template.Length == path.Length && template.Zip(path).All(t => t.First.StartsWith('{') || t.First == t.Second);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<JsonNode>> OpenApiDocuments = new();

    /// <summary>Creates a stored API key through the API and returns its id and the key.</summary>
    protected static async Task<(Guid Id, string Key)> CreateKeyAsync(TestHost host, string name)
    {
        var created = await ReadAsync(await SendAsync(host, HttpMethod.Post, "/api/admin/api-keys", content: Json(new { name })), HttpStatusCode.Created);
        return (Guid.Parse((string)created["id"]!), (string)created["key"]!);
    }

    /// <summary>The stored versions of a set, newest first.</summary>
    protected static async Task<int[]> VersionsAsync(TestHost host, string setId) =>
        [.. (await ReadAsync(await GetAsync(host, $"/api/admin/question-sets/{setId}/versions"), HttpStatusCode.OK)).AsArray().Select(v => (int)v!["version"]!)];

    /// <summary>Every mapped route under /api/admin with each of its methods, parameters filled with plausible values.</summary>
    protected static List<(HttpMethod Method, string Path)> AdminRoutes(TestHost host) =>
        [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (new HttpMethod(m), Path(e.RoutePattern))))
            .Distinct()];

    private static string Path(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart { Name: "version" } => "1",
        RoutePatternParameterPart { Name: "qid" } => "q1",
        RoutePatternParameterPart { Name: "userId" } => Uri.EscapeDataString("29:someone"),
        RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "guid") => Guid.NewGuid().ToString(),
        RoutePatternParameterPart => SeedSet,
        _ => throw new InvalidOperationException($"unexpected route part in {pattern.RawText}"),
    }))));
}
