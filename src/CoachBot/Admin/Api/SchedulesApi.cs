using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>
/// Study channels: <c>/api/admin/subscriptions</c> (every place with its schedules and their next fire times) and
/// <c>/api/admin/schedules/{id}</c> (one schedule; <c>run</c> posts its next question now, as the chat's <c>run now</c>).
/// </summary>
public static class SchedulesApi
{
    /// <summary>Maps the subscription and schedule routes on the admin group.</summary>
    public static RouteGroupBuilder MapSchedulesApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/subscriptions", ListAsync).WithTags("Study channels").WithName("ListSubscriptions")
            .WithSummary("Lists the places the bot is in, with their schedules and next fire times (UTC).");
        var schedules = admin.MapGroup("/schedules").WithTags("Study channels");
        schedules.MapGet("/{id:guid}", GetAsync).WithName("GetSchedule").WithProblems(404).WithSummary("Reads one schedule with its next fire time.");
        schedules.MapPost("/{id:guid}/run", RunAsync).WithName("RunSchedule").WithProblems(404, 409).WithSummary("Posts the schedule's next question in its place now.");
        return admin;
    }

    private static async Task<Ok<List<SubscriptionDto>>> ListAsync(AdminService admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.Channels.ListAsync(ct)).Select(SubscriptionDto.From).ToList());

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> GetAsync(Guid id, AdminService admin, CancellationToken ct) =>
        await admin.Channels.GetScheduleAsync(id, ct) is { } view
            ? TypedResults.Ok(ScheduleDto.From(view))
            : AdminHttp.Problem(StatusCodes.Status404NotFound, "Not found", "There is no schedule with that id; GET /api/admin/subscriptions lists them.");

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> RunAsync(Guid id, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await admin.Channels.RunNowAsync(user.Actor(), id, ct);
        return AdminHttp.Ok(result, sent => new RunDto(result.Message, sent.Outcome, sent.ThreadId, sent.ActivityId));
    }
}
