using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary><c>/api/admin/api-keys</c>: keys admins create for scripts (stored hashed; the key is shown once).</summary>
public static class ApiKeysApi
{
    /// <summary>Maps the API key routes on the admin group.</summary>
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var keys = admin.MapGroup("/api-keys").WithTags("API keys");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Lists stored keys (name, prefix, dates; never the key or its hash).");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithProblems(400, 409, 413, 415).WithSummary("Creates a key: {name}. The response holds the key, once.")
            .WithRequestBody<ApiKeyBody>();
        keys.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").WithProblems(404).WithSummary("Revokes a stored key.");
        return admin;
    }

    private static async Task<Ok<List<ApiKeyDto>>> ListAsync(AdminService admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.Access.ListApiKeysAsync(ct)).Select(ApiKeyDto.From).ToList());

    private static async Task<Results<Created<CreatedApiKeyDto>, Ok<CreatedApiKeyDto>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<ApiKeyBody>(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await admin.Access.CreateApiKeyAsync(user.Actor(), body.Value!.Name ?? string.Empty, ct);
        return AdminHttp.Saved(
            result,
            created => new CreatedApiKeyDto(result.Message, created.Record.Id, created.Record.Name, created.Record.Prefix, created.Key, created.Record.CreatedAt),
            created => $"/api/admin/api-keys/{created.Record.Id:D}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await admin.Access.RevokeApiKeyAsync(user.Actor(), id, ct);
        return result.Succeeded ? TypedResults.NoContent() : AdminHttp.Failure(result);
    }
}
