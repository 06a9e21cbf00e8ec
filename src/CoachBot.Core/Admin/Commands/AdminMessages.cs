using System.Globalization;
using CoachBot.Core.Importing;
using CoachBot.Core.Messages;

namespace CoachBot.Core.Admin.Commands;

/// <summary>What the admin commands say about an <see cref="AdminResult{T}"/>: its sentence, and its problems line by line.</summary>
public static class AdminMessages
{
    /// <summary>The result's sentence, followed by its problems (bounded) when there are any.</summary>
    public static CoachMessage Result<T>(AdminResult<T> result, params CoachAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problems.Count == 0
            ? CoachMessage.FromText(result.Message, actions)
            : new CoachMessage
            {
                Blocks = [new TextBlock(result.Message), .. Problems(result.Problems)],
                Actions = actions,
                Summary = result.Message,
            };
    }

    /// <summary>One fact per problem: where (line and column, or the field) and what.</summary>
    public static IReadOnlyList<CoachBlock> Problems(IReadOnlyList<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return MessageLists.Facts([.. problems.Select(p => new CoachFact(Where(p), p.Line > 0 && p.Path is { Length: > 0 } path ? $"{p.Message} ({path})" : p.Message))]);
    }

    private static string Where(ImportProblem problem) =>
        problem.Line <= 0 ? problem.Path ?? "input"
        : (problem.Column is { } column
            ? string.Create(CultureInfo.InvariantCulture, $"line {problem.Line}, column {column}")
            : string.Create(CultureInfo.InvariantCulture, $"line {problem.Line}"))
            + (problem.Severity == ImportSeverity.Warning ? " (warning)" : string.Empty);
}
