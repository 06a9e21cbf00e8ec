using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary><c>/api/admin/admins</c>: who may use the chat admin commands (configured and granted admins).</summary>
public static class AdminsApi
{
    /// <summary>Maps the admin routes on the admin group.</summary>
    public static RouteGroupBuilder MapAdminsApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var admins = admin.MapGroup("/admins").WithTags("Admins");
        admins.MapGet("/", ListAsync).WithName("ListAdmins").WithSummary("Lists configured admins, then granted ones.");
        admins.MapPost("/", GrantAsync).WithName("GrantAdmin").WithProblems(400, 409, 413, 415).WithSummary("Makes a user an admin: {userId}.").WithRequestBody<AdminBody>();
        admins.MapDelete("/{userId}", RevokeAsync).WithName("RevokeAdmin").WithProblems(404, 409)
            .WithSummary("Removes a granted admin (409 for configured admins and for the last admin).");
        return admin;
    }

    private static async Task<Ok<List<AdminDto>>> ListAsync(AdminService admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.Access.ListAdminsAsync(ct)).Select(AdminDto.From).ToList());

    private static async Task<Results<Created<AdminDto>, Ok<AdminDto>, ProblemHttpResult>> GrantAsync(
        HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<AdminBody>(request, ct);
        return body.Problem ?? AdminHttp.Saved(
            await admin.Access.GrantAsync(user.Actor(), body.Value!.UserId ?? string.Empty, ct), AdminDto.From, _ => "/api/admin/admins");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string userId, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await admin.Access.RevokeAsync(user.Actor(), userId, ct);
        return result.Succeeded ? TypedResults.NoContent() : AdminHttp.Failure(result);
    }
}
