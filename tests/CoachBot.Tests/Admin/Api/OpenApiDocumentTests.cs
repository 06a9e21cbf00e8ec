using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Api;

/// <summary>The OpenAPI document lists every admin route, each named, summarised and behind the bearer scheme.</summary>
public sealed class OpenApiDocumentTests : AdminApiTest
{
    [Fact]
    public async Task TheDocument_ListsEveryAdminOperation_NamedSummarisedAndBehindBearer()
    {
        await using var host = await StartAsync();

        var document = await ReadAsync(await host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)), HttpStatusCode.OK);

        var expected = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m.ToLowerInvariant()} {Template(e.RoutePattern)}"))
            .Order()
            .ToList();
        var paths = document["paths"]!.AsObject();
        var listed = paths.SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key} {p.Key}")).Order().ToList();
        Assert.Equal(expected, listed);
        Assert.Equal(AdminRoutes(host).Count, listed.Count);
        Assert.Contains("post /api/admin/question-sets/import", listed);

        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(op => op.Value!)).ToList();
        Assert.All(operations, op => Assert.False(string.IsNullOrWhiteSpace((string?)op["operationId"])));
        Assert.All(operations, op => Assert.False(string.IsNullOrWhiteSpace((string?)op["summary"])));
        Assert.All(operations, op => Assert.NotNull(op["security"]?[0]?["Bearer"]));
        Assert.Equal(operations.Count, operations.Select(op => (string?)op["operationId"]).Distinct().Count());
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
        Assert.NotNull(paths["/api/admin/question-sets/import"]!["post"]!["requestBody"]!["content"]!["text/markdown"]);
        Assert.NotNull(paths["/api/admin/question-sets/{id}/questions/{qid}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/api/messages", StringComparison.Ordinal));
    }

    private static string Template(RoutePattern pattern) => "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
        _ => string.Empty,
    }))));
}
