using System.Security.Claims;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>
/// <c>/api/admin/question-sets/{id}/questions</c>: the questions of a set's latest version, and edits of one question.
/// Every edit stores a new version of the set. Replacing a question (<c>PUT</c>) must name the version it was made on
/// (If-Match or <c>version</c>); adding, disabling and enabling may (If-Match), and then a stale version is a 409.
/// </summary>
public static class QuestionsApi
{
    /// <summary>Maps the question routes on the admin group.</summary>
    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var questions = admin.MapGroup("/question-sets/{id}/questions").WithTags("Questions");
        questions.MapGet("/", ListAsync).WithName("ListQuestions").WithProblems(404).WithSummary("Lists the questions of a set's latest version.");
        questions.MapPost("/", AddAsync).WithName("AddQuestion").WithProblems(400, 404, 409, 413, 415).WithSummary("Appends a question (id qN unless given) as a new version.")
            .WithRequestBody<QuestionDraft>();
        questions.MapPut("/{qid}", ReplaceAsync).WithName("ReplaceQuestion").WithProblems(400, 404, 409, 413, 415, 428)
            .WithSummary("Replaces one question as a new version; If-Match (or a version field) names the version edited: 428 without, 409 when stale.")
            .WithRequestBody<QuestionBody>();
        questions.MapPost("/{qid}/disable", DisableAsync).WithName("DisableQuestion").WithProblems(400, 404, 409).WithSummary("Disables a question (never asked) as a new version.");
        questions.MapPost("/{qid}/enable", EnableAsync).WithName("EnableQuestion").WithProblems(400, 404, 409).WithSummary("Enables a question again as a new version.");
        return admin;
    }

    private static async Task<Results<Ok<List<QuestionDto>>, ProblemHttpResult>> ListAsync(string id, AdminService admin, CancellationToken ct) =>
        await admin.Sets.GetAsync(id, null, ct) is { } set
            ? TypedResults.Ok(set.Questions.Select(QuestionDto.From).ToList())
            : QuestionSetsApi.NotFound();

    private static async Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> AddAsync(
        string id, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var draft = await ApiRequests.ReadJsonAsync<QuestionDraft>(request, ct);
        var expected = ApiRequests.ExpectedVersion(request);
        if ((draft.Problem ?? expected.Problem) is { } problem)
        {
            return problem;
        }

        return Saved(request, await admin.Sets.AddQuestionAsync(user.Actor(), id, draft.Value!, expected.Value, ct));
    }

    private static async Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> ReplaceAsync(
        string id, string qid, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await ApiRequests.ReadJsonAsync<QuestionBody>(request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var expected = ApiRequests.ExpectedVersion(request, body.Value!.Version);
        if (expected.Problem is not null || expected.Value is null)
        {
            return expected.Problem ?? ApiRequests.PreconditionRequired();
        }

        return Saved(request, await admin.Sets.UpdateQuestionAsync(user.Actor(), id, body.Value.ToQuestion(qid), expected.Value, ct));
    }

    private static Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> DisableAsync(
        string id, string qid, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct) =>
        SetEnabledAsync(id, qid, false, request, admin, user, ct);

    private static Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> EnableAsync(
        string id, string qid, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct) =>
        SetEnabledAsync(id, qid, true, request, admin, user, ct);

    private static async Task<Results<Ok<SetChangeDto>, ProblemHttpResult>> SetEnabledAsync(
        string id, string qid, bool enabled, HttpRequest request, AdminService admin, ClaimsPrincipal user, CancellationToken ct)
    {
        var expected = ApiRequests.ExpectedVersion(request);
        return expected.Problem ?? Saved(request, await admin.Sets.SetQuestionEnabledAsync(user.Actor(), id, qid, enabled, expected.Value, ct));
    }

    private static Results<Ok<SetChangeDto>, ProblemHttpResult> Saved(HttpRequest request, AdminResult<Core.QuestionSets.QuestionSet> result)
    {
        QuestionSetsApi.TagVersion(request.HttpContext.Response, result);
        return AdminHttp.Ok(result, SetChangeDto.With(result.Message));
    }
}
