using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>
/// Study channels: <c>/api/admin/subscriptions</c> (every place with its schedules and their next fire times; per
/// place, subscribe, unsubscribe and skip a date, as the channel commands do) and <c>/api/admin/schedules/{id}</c> (one
/// schedule; <c>run</c> posts its next question now, as the chat's <c>run now</c>). Place keys contain colons: escape them
/// in the path (<c>msteams%3A19%3A…</c>).
/// </summary>
public static class SchedulesApi
{
    /// <summary>Maps the subscription and schedule routes on the admin group.</summary>
    public static RouteGroupBuilder MapSchedulesApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/subscriptions", ListAsync).WithTags("Study channels").WithName("ListSubscriptions")
            .WithSummary("Lists the places the bot is in, with their schedules and next fire times (UTC).");
        var places = admin.MapGroup("/subscriptions/{placeKey}").WithTags("Study channels");
        places.MapPut("/daily", SubscribeAsync).WithName("SubscribeDaily").WithProblems(400, 404, 409, 413, 415)
            .WithSummary("Starts (or replaces) the place's question of the day: {time: \"09:00\", timeZone: \"Europe/Berlin\", days: \"weekdays\", setId}.")
            .WithRequestBody<SubscribeBody>();
        places.MapDelete("/daily", UnsubscribeAsync).WithName("UnsubscribeDaily").WithProblems(404)
            .WithSummary("Stops the place's question of the day (answers and recaps are kept).");
        places.MapPost("/skips", SkipAsync).WithName("SkipDate").WithProblems(400, 404, 413, 415)
            .WithSummary("No question of the day on a date, local to the schedule: {date: \"2027-12-24\"}.")
            .WithRequestBody<SkipBody>();
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

    private static async Task<Results<Created<ScheduleDto>, Ok<ScheduleDto>, ProblemHttpResult>> SubscribeAsync(
        string placeKey, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<SubscribeBody>(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var (spec, field, error) = Core.Channels.Scheduling.ScheduleSpec.DailyFromFields(body.Value!.Time, body.Value.TimeZone, body.Value.Days, body.Value.SetId);
        return spec is null
            ? AdminHttp.Invalid(field!, error!)
            : AdminHttp.Saved(await admin.Channels.SubscribeAsync(user.Actor(), placeKey, spec, ct), s => ScheduleDto.From(s.View), s => $"/api/admin/schedules/{s.View.Schedule.Id:D}");
    }

    private static async Task<Results<Ok<UnsubscribedDto>, ProblemHttpResult>> UnsubscribeAsync(string placeKey, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await admin.Channels.UnsubscribeAsync(user.Actor(), placeKey, ct);
        return AdminHttp.Ok(result, stopped => new UnsubscribedDto(stopped, result.Message));
    }

    private static async Task<Results<Ok<SkippedDto>, ProblemHttpResult>> SkipAsync(
        string placeKey, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<SkipBody>(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (!DateOnly.TryParseExact(body.Value!.Date?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return AdminHttp.Invalid("date", "a date as yyyy-mm-dd, e.g. 2027-12-24");
        }

        var result = await admin.Channels.SkipAsync(user.Actor(), placeKey, date, ct);
        return AdminHttp.Ok(result, skipped => new SkippedDto(skipped, result.Message));
    }

    private static async Task<Results<Ok<RunDto>, ProblemHttpResult>> RunAsync(Guid id, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await admin.Channels.RunNowAsync(user.Actor(), id, ct);
        return AdminHttp.Ok(result, sent => new RunDto(result.Message, sent.Outcome, sent.ThreadId, sent.ActivityId));
    }
}
