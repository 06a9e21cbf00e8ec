using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>
/// <c>/api/admin/question-sets</c>: list, read (any version), create and replace sets, their version history and
/// rollback. Bodies are the JSON import format, read by the JSON importer so that problems name lines and fields.
/// Import, export and the schema are in <c>QuestionSetsApi.Documents.cs</c>.
/// </summary>
public static partial class QuestionSetsApi
{
    /// <summary>The route prefix.</summary>
    public const string Prefix = "/api/admin/question-sets";

    /// <summary>Maps the question-set routes on the admin group.</summary>
    public static RouteGroupBuilder MapQuestionSetsApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var sets = admin.MapGroup("/question-sets").WithTags("Question sets");
        sets.MapGet("/", ListAsync).WithName("ListQuestionSets").WithSummary("Lists every question set (latest versions).");
        sets.MapPost("/", CreateAsync).WithName("CreateQuestionSet").WithProblems(400, 409, 413, 415).WithSummary("Creates a set (version 1) from a body in the JSON import format.")
            .WithRequestBody<QuestionSetDto>();
        sets.MapGet("/{id}", GetAsync).WithName("GetQuestionSet").WithProblems(404).WithSummary("Reads a set: the latest version, or ?version=n. The ETag is the version.");
        sets.MapPut("/{id}", UpdateAsync).WithName("ReplaceQuestionSet").WithProblems(400, 404, 409, 413, 415, 428)
            .WithSummary("Stores the body as the set's next version; If-Match (or a version field) names the version edited: 428 without, 409 when stale.")
            .WithRequestBody<QuestionSetDto>();
        sets.MapGet("/{id}/versions", VersionsAsync).WithName("ListQuestionSetVersions").WithProblems(404).WithSummary("Lists a set's stored versions, newest first.");
        sets.MapPost("/{id}/rollback/{version:int:min(1)}", RollbackAsync).WithName("RollbackQuestionSet").WithProblems(400, 404, 409)
            .WithSummary("Stores an earlier version's content as the next version (optional If-Match).");
        sets.MapDocumentRoutes();
        return admin;
    }

    private static async Task<Ok<List<QuestionSetSummaryDto>>> ListAsync(AdminService admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.Sets.ListAsync(ct)).Select(QuestionSetSummaryDto.From).ToList());

    private static async Task<Results<Ok<QuestionSetDto>, ProblemHttpResult>> GetAsync(string id, int? version, AdminService admin, HttpResponse response, CancellationToken ct)
    {
        if (await admin.Sets.GetAsync(id, version, ct) is not { } set)
        {
            return NotFound(version);
        }

        response.Headers.ETag = ApiRequests.ETag(set.Version);
        return TypedResults.Ok(QuestionSetDto.From(set));
    }

    private static async Task<Results<Created<SetChangeDto>, Ok<SetChangeDto>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, QuestionSetImporter importer, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ReadSetAsync(request, importer, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await admin.Sets.CreateAsync(user.Actor(), body.Value.Set, ct);
        TagVersion(request.HttpContext.Response, result);
        return AdminHttp.Saved(result, SetChangeDto.With(result.Message), set => $"{Prefix}/{set.Id}");
    }

    private static async Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> UpdateAsync(
        string id, HttpRequest request, QuestionSetImporter importer, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ReadSetAsync(request, importer, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var expected = ApiRequests.ExpectedVersion(request, body.Value.Version);
        if (expected.Problem is not null || expected.Value is null)
        {
            return expected.Problem ?? ApiRequests.PreconditionRequired();
        }

        var result = await admin.Sets.UpdateAsync(user.Actor(), id, body.Value.Set, expected.Value.Value, ct);
        TagVersion(request.HttpContext.Response, result);
        return AdminHttp.Ok(result, SetChangeDto.With(result.Message));
    }

    private static async Task<Results<Ok<List<VersionDto>>, ProblemHttpResult>> VersionsAsync(string id, AdminService admin, CancellationToken ct) =>
        AdminHttp.Ok(await admin.Sets.GetVersionsAsync(id, ct), versions => versions.Select(VersionDto.From).ToList());

    private static async Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> RollbackAsync(
        string id, int version, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var expected = ApiRequests.ExpectedVersion(request);
        if (expected.Problem is not null)
        {
            return expected.Problem;
        }

        var result = await admin.Sets.RollbackAsync(user.Actor(), id, version, expected.Value, ct);
        TagVersion(request.HttpContext.Response, result);
        return AdminHttp.Ok(result, SetChangeDto.With(result.Message));
    }

    /// <summary>Sets the ETag of a saved set to its version, so the next edit can send it back as If-Match.</summary>
    internal static void TagVersion(HttpResponse response, AdminResult<QuestionSet> result)
    {
        if (result.Value is { } set)
        {
            response.Headers.ETag = ApiRequests.ETag(set.Version);
        }
    }

    /// <summary>404 for a set (or version) that does not exist; the address says which.</summary>
    internal static ProblemHttpResult NotFound(int? version = null) => AdminHttp.Problem(StatusCodes.Status404NotFound, "Not found", version is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"That set has no version {v}.")
        : "There is no question set with that id; GET /api/admin/question-sets lists them.");

    /// <summary>A set body in the JSON import format, with the top-level <c>version</c> when it has one.</summary>
    private static async Task<BodyRead<(QuestionSet Set, int? Version)>> ReadSetAsync(HttpRequest request, QuestionSetImporter importer, CancellationToken ct)
    {
        if (!QuestionSetFormats.TryFromContentType(request.ContentType, out var format) || format != QuestionSetFormat.Json)
        {
            return new(default, ApiRequests.UnsupportedMediaType("Send the set as application/json, in the JSON import format (GET …/schema)."));
        }

        var body = await ApiRequests.ReadBytesAsync(request, ct);
        if (body.Problem is not null)
        {
            return new(default, body.Problem);
        }

        var result = importer.Import(body.Value, QuestionSetFormat.Json, new ImportContext("api"));
        if (!result.Succeeded || result.Set is null)
        {
            var errors = result.Problems.Count(p => p.Severity == ImportSeverity.Error);
            return new(default, AdminHttp.Invalid(
                string.Create(CultureInfo.InvariantCulture, $"Nothing was saved: the set has {errors} {(errors == 1 ? "problem" : "problems")}."), result.Problems));
        }

        using var document = JsonDocument.Parse(body.Value);
        var version = document.RootElement.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : (int?)null;
        return new((result.Set, version), null);
    }
}
