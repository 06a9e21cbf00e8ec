using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary>
/// Turns <see cref="AdminResult{T}"/> into HTTP: Ok → 200, Created → 201 with Location, NotFound → 404, Invalid → 400
/// <see cref="HttpValidationProblemDetails"/>, Conflict → 409. Refused (the caller is an admin, but the current state
/// forbids it: the last admin, a configured admin, a paused schedule) → 409 as well, never 403, so that 403 keeps
/// meaning "this key may not"; the body's <c>code</c> tells <c>conflict</c> and <c>refused</c> apart.
/// </summary>
internal static class AdminHttp
{
    /// <summary>200 with the mapped value, or the failure.</summary>
    public static Results<Ok<TOut>, ProblemHttpResult> Ok<T, TOut>(AdminResult<T> result, Func<T, TOut> map) =>
        result.Succeeded ? TypedResults.Ok(map(result.Value!)) : Failure(result);

    /// <summary>201 with Location when something was created, 200 for other successes, or the failure.</summary>
    public static Results<Created<TOut>, Ok<TOut>, ProblemHttpResult> Saved<T, TOut>(AdminResult<T> result, Func<T, TOut> map, Func<T, string> location)
    {
        if (!result.Succeeded)
        {
            return Failure(result);
        }

        var value = map(result.Value!);
        return result.Status == AdminStatus.Created ? TypedResults.Created(location(result.Value!), value) : TypedResults.Ok(value);
    }

    /// <summary>The ProblemDetails of a failed operation, carrying its message as the detail.</summary>
    public static ProblemHttpResult Failure<T>(AdminResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            AdminStatus.Invalid => Invalid(result.Message, result.Problems),
            AdminStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", result.Message),
            AdminStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", result.Message, "conflict"),
            AdminStatus.Refused => Problem(StatusCodes.Status409Conflict, "Refused", result.Message, "refused"),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failure."),
        };
    }

    /// <summary>A ProblemDetails with <paramref name="status"/>; <paramref name="code"/> becomes the <c>code</c> extension.</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail, string? code = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code });

    /// <summary>
    /// 400 <see cref="HttpValidationProblemDetails"/>: <c>errors</c> is keyed by the field (<see cref="ImportProblem.Path"/>),
    /// or by the position (<c>line 12, column 5</c>) for problems of the document itself; a message of a field problem
    /// that has a position starts with it. Every problem, warnings included, is also in <c>problems</c>.
    /// </summary>
    public static ProblemHttpResult Invalid(string detail, IReadOnlyList<ImportProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == ImportSeverity.Error)
            .GroupBy(Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => Position(p) is { } at && at != g.Key ? $"{at}: {p.Message}" : p.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has problems",
            Detail = detail,
            Extensions = { ["problems"] = problems.Select(ProblemDto.From).ToList() },
        });
    }

    /// <summary>A 400 about one field.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid($"{field}: {message}", AdminProblems.One(field, message));

    private static string Key(ImportProblem problem) => problem.Path is { Length: > 0 } path ? path : Position(problem) ?? "document";

    private static string? Position(ImportProblem problem) =>
        problem.Line <= 0 ? null : problem.Column is { } column ? $"line {problem.Line}, column {column}" : $"line {problem.Line}";
}
