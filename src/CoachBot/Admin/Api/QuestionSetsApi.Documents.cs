using System.Security.Claims;
using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>Whole documents: import (any format, with a dry run), export (JSON or YAML) and the JSON Schema.</summary>
public static partial class QuestionSetsApi
{
    private const string SchemaContentType = "application/schema+json";

    private static void MapDocumentRoutes(this RouteGroupBuilder sets)
    {
        sets.MapGet("/schema", Schema).WithName("GetQuestionSetSchema")
            .WithSummary("The JSON Schema of the JSON and YAML import format.")
            .Produces<string>(StatusCodes.Status200OK, SchemaContentType);
        sets.MapPost("/import", ImportAsync).WithName("ImportQuestionSet").WithProblems(400, 404, 409, 413, 415)
            .WithSummary("Imports a document; Content-Type picks the format (text/markdown, application/json, application/yaml, text/csv). ?dryRun=true stores nothing; ?setId= names the set.")
            .WithRequestBody<string>("text/markdown", "application/json", "application/yaml", "text/csv");
        sets.MapGet("/{id}/export", ExportAsync).WithName("ExportQuestionSet").WithProblems(400, 404)
            .WithSummary("Downloads a set (latest, or ?version=n) as ?format=json (default) or yaml.")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "application/yaml");
    }

    /// <summary>
    /// The schema without a key at <see cref="QuestionSetSchema.PublishedPath"/>, for editors that validate the files
    /// people write (it holds nothing secret); not in the OpenAPI document, which describes the admin routes.
    /// </summary>
    public static IEndpointRouteBuilder MapPublishedQuestionSetSchema(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(QuestionSetSchema.PublishedPath, Schema).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static ContentHttpResult Schema() => TypedResults.Text(QuestionSetSchema.Json, SchemaContentType, Encoding.UTF8);

    private static async Task<Results<Created<ImportDto>, Ok<ImportDto>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, bool? dryRun, string? setId, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!QuestionSetFormats.TryFromContentType(request.ContentType, out var format))
        {
            return ApiRequests.UnsupportedMediaType("Send text/markdown, application/json, application/yaml or text/csv.");
        }

        var body = await ApiRequests.ReadBytesAsync(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await admin.Sets.ImportAsync(user.Actor(), body.Value, format, "api", setId, dryRun ?? false, ct);
        return AdminHttp.Saved(result, _ => ImportDto.From(result), p => $"{Prefix}/{p.Set.Id}?version={p.Set.Version}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string id, string? format, int? version, AdminService admin, CancellationToken ct)
    {
        QuestionSetFormat? chosen = (format ?? "json").Trim().ToLowerInvariant() switch
        {
            "json" => QuestionSetFormat.Json,
            "yaml" or "yml" => QuestionSetFormat.Yaml,
            _ => null,
        };
        if (chosen is not { } exportFormat)
        {
            return AdminHttp.Invalid("format", "json or yaml");
        }

        var result = await admin.Sets.ExportAsync(id, version, exportFormat, ct);
        if (!result.Succeeded)
        {
            return AdminHttp.Failure(result);
        }

        var name = id.Trim().ToLowerInvariant() + QuestionSetFormats.Extension(exportFormat);
        return TypedResults.File(Encoding.UTF8.GetBytes(result.Value!), QuestionSetFormats.ContentType(exportFormat), name);
    }
}
