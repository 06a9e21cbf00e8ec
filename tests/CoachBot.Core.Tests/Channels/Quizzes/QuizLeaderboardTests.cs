using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Grading;

namespace CoachBot.Core.Tests.Channels.Quizzes;

public sealed class QuizLeaderboardTests
{
    private static readonly DateTimeOffset Start = new(2027, 5, 4, 13, 0, 0, TimeSpan.Zero);
    private static readonly Guid QuizId = Guid.NewGuid();

    [Fact]
    public void Rank_DifferentTotals_HighestTotalFirst()
    {
        var standings = QuizLeaderboard.Rank(
            [Member("ana"), Member("bo"), Member("cy")],
            [Answer("ana", 0, 40, 1), Answer("bo", 0, 90, 2), Answer("cy", 0, 60, 1), Answer("ana", 1, 30, 5)],
            questionsAsked: 2);

        Assert.Equal(["bo", "ana", "cy"], standings.Select(s => s.Member.UserKey));
        Assert.Equal([90, 70, 60], standings.Select(s => s.Total));
        Assert.Equal([1, 2, 3], standings.Select(s => s.Rank));
    }

    [Fact]
    public void Rank_EqualTotals_FewerSkippedWins()
    {
        // Ana answered one question for 100; Bo answered both for 50 + 50 later than Ana.
        var standings = QuizLeaderboard.Rank(
            [Member("ana"), Member("bo")],
            [Answer("ana", 0, 100, 1), Answer("bo", 0, 50, 2), Answer("bo", 1, 50, 9)],
            questionsAsked: 2);

        Assert.Equal(["bo", "ana"], standings.Select(s => s.Member.UserKey));
        Assert.Equal([0, 1], standings.Select(s => s.Skipped));
    }

    [Fact]
    public void Rank_EqualTotalsAndSkips_EarlierFinalSubmissionWins()
    {
        var standings = QuizLeaderboard.Rank(
            [Member("ana"), Member("bo")],
            [Answer("ana", 0, 60, 1), Answer("bo", 0, 70, 2), Answer("ana", 1, 70, 8), Answer("bo", 1, 60, 7)],
            questionsAsked: 2);

        Assert.Equal(["bo", "ana"], standings.Select(s => s.Member.UserKey));
        Assert.Equal(Start.AddMinutes(7), standings[0].LastSubmission);
    }

    [Fact]
    public void Rank_MemberWithoutAnswers_LastWithEverythingSkipped()
    {
        var standings = QuizLeaderboard.Rank([Member("quiet"), Member("ana")], [Answer("ana", 0, 10, 1)], questionsAsked: 3);

        Assert.Equal(["ana", "quiet"], standings.Select(s => s.Member.UserKey));
        Assert.Equal(0, standings[1].Total);
        Assert.Equal(3, standings[1].Skipped);
        Assert.Null(standings[1].LastSubmission);
    }

    [Fact]
    public void Rank_SoFar_IgnoresQuestionsNotYetAsked()
    {
        var standings = QuizLeaderboard.Rank([Member("ana")], [Answer("ana", 0, 10, 1), Answer("ana", 1, 20, 2)], questionsAsked: 1);

        Assert.Equal(10, Assert.Single(standings).Total);
        Assert.Equal(0, standings[0].Skipped);
    }

    private static QuizMember Member(string key) => new(QuizId, key, key, key, Start.AddMinutes(-5));

    private static QuizAnswer Answer(string key, int index, int score, int minute) =>
        new(QuizId, index, key, "answer", new GradeResult(score, [], "tip", [], "rubric-v1"), Start.AddMinutes(minute));
}
