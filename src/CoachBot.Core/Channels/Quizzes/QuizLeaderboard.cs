namespace CoachBot.Core.Channels.Quizzes;

/// <summary>One member's place on a quiz leaderboard.</summary>
/// <param name="Rank">1-based position.</param>
/// <param name="Member">The member.</param>
/// <param name="Total">The sum of their scores.</param>
/// <param name="Answered">Questions answered.</param>
/// <param name="Skipped">Questions asked so far that they did not answer.</param>
/// <param name="LastSubmission">Their final submission, or <c>null</c> when they answered nothing.</param>
public sealed record QuizStanding(int Rank, QuizMember Member, int Total, int Answered, int Skipped, DateTimeOffset? LastSubmission);

/// <summary>
/// Quiz ranking: highest total first; ties go to fewer skipped questions, then to the earlier final
/// submission (speed only ever breaks a tie: scores come from substance). Pure.
/// </summary>
public static class QuizLeaderboard
{
    /// <summary>Ranks <paramref name="members"/> over the first <paramref name="questionsAsked"/> questions.</summary>
    public static IReadOnlyList<QuizStanding> Rank(IReadOnlyList<QuizMember> members, IReadOnlyList<QuizAnswer> answers, int questionsAsked)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(answers);
        var byUser = answers.Where(a => a.QuestionIndex < questionsAsked).GroupBy(a => a.UserKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = members.Select(m =>
        {
            var mine = byUser.GetValueOrDefault(m.UserKey) ?? [];
            return (Member: m, Total: mine.Sum(a => a.Grade.Overall), Answered: mine.Count, Last: mine.Count == 0 ? (DateTimeOffset?)null : mine.Max(a => a.SubmittedAt));
        })
            .OrderByDescending(r => r.Total)
            .ThenBy(r => questionsAsked - r.Answered)
            .ThenBy(r => r.Last ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Member.JoinedAt)
            .ToList();
        return [.. rows.Select((r, i) => new QuizStanding(i + 1, r.Member, r.Total, r.Answered, questionsAsked - r.Answered, r.Last))];
    }
}
