using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary><c>/api/admin/assignments</c>: which set is active by default, per Teams team, per place and per learner.</summary>
public static class AssignmentsApi
{
    /// <summary>Maps the assignment routes on the admin group.</summary>
    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var assignments = admin.MapGroup("/assignments").WithTags("Set activation");
        assignments.MapGet("/", ListAsync).WithName("ListAssignments").WithSummary("Lists which set is active for which scope.");
        assignments.MapPut("/", PutAsync).WithName("AssignSet").WithProblems(400, 404, 413, 415)
            .WithSummary("Makes a set active for a scope: {scope: default|team|place|user, key, setId}.")
            .WithRequestBody<AssignmentBody>();
        return admin;
    }

    private static async Task<Ok<List<AssignmentDto>>> ListAsync(AdminService admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.Activation.ListAsync(ct)).Select(AssignmentDto.From).ToList());

    private static async Task<Results<Ok<AssignmentDto>, ProblemHttpResult>> PutAsync(HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<AssignmentBody>(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        SetScope? scope = body.Value!.Scope?.Trim().ToLowerInvariant() switch
        {
            "default" => SetScope.Default,
            "team" => SetScope.Team,
            "place" => SetScope.Place,
            "user" => SetScope.User,
            _ => null,
        };
        return scope is { } chosen
            ? AdminHttp.Ok(await admin.Activation.ActivateAsync(user.Actor(), body.Value.SetId ?? string.Empty, chosen, body.Value.Key, ct), AssignmentDto.From)
            : AdminHttp.Invalid("scope", "one of default, team, place, user");
    }
}
