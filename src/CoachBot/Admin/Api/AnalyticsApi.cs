using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary><c>/api/admin/analytics</c>: per-model class averages over time, and participation per place.</summary>
public static class AnalyticsApi
{
    /// <summary>Maps the analytics routes on the admin group.</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var analytics = admin.MapGroup("/analytics").WithTags("Analytics");
        analytics.MapGet("/models", ModelsAsync).WithName("GetModelTrend").WithProblems(400, 404)
            .WithSummary("Daily per-model averages of a set: ?setId= (required), ?placeKey= (one place), ?days=30 (1 to 366).");
        analytics.MapGet("/participation", ParticipationAsync).WithName("GetParticipation").WithProblems(400)
            .WithSummary("Answers, members and average score per place (and 1:1 practice): ?setId=, ?days=30 (1 to 366).");
        return admin;
    }

    private static async Task<Results<Ok<ModelTrendDto>, ProblemHttpResult>> ModelsAsync(string? setId, string? placeKey, int? days, AdminService admin, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(setId))
        {
            return AdminHttp.Invalid("setId", "required");
        }

        if (DaysProblem(days) is { } problem)
        {
            return problem;
        }

        return await admin.Analytics.GetModelTrendAsync(setId, string.IsNullOrWhiteSpace(placeKey) ? null : placeKey, days ?? 30, ct) is { } trend
            ? TypedResults.Ok(ModelTrendDto.From(trend))
            : QuestionSetsApi.NotFound();
    }

    private static async Task<Results<Ok<List<ParticipationDto>>, ProblemHttpResult>> ParticipationAsync(string? setId, int? days, AdminService admin, CancellationToken ct) =>
        DaysProblem(days) is { } problem
            ? problem
            : TypedResults.Ok((await admin.Analytics.GetParticipationAsync(setId, days ?? 30, ct)).Select(ParticipationDto.From).ToList());

    private static ProblemHttpResult? DaysProblem(int? days) =>
        days is < 1 or > AdminAnalytics.MaxDays ? AdminHttp.Invalid("days", $"1 to {AdminAnalytics.MaxDays}") : null;
}
