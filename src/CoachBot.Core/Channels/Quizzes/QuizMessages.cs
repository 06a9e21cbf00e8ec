using System.Globalization;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Channels.Quizzes;

/// <summary>What the coach says about quizzes (channel-neutral; rendered per channel by the bot layer).</summary>
public static class QuizMessages
{
    /// <summary>The <c>join</c> command and button.</summary>
    public const string JoinCommand = "join";

    public static CoachMessage Scheduled(Quiz quiz, QuestionSet set) => CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
        $"Quiz scheduled: {quiz.QuestionCount} {Questions(quiz.QuestionCount)} from \"{set.Title}\", {quiz.MinutesPerQuestion} {Minutes(quiz.MinutesPerQuestion)} each, starting {Local(quiz, quiz.StartUtc)}. I'll announce it here 10 minutes before."));

    public static CoachMessage Announcement(Quiz quiz, QuestionSet set) => new()
    {
        Blocks =
        [
            new TextBlock($"Quiz · {set.Title}", TextStyle.Heading),
            new FactsBlock(
            [
                new CoachFact("Starts", Local(quiz, quiz.StartUtc)),
                new CoachFact("Format", string.Create(CultureInfo.InvariantCulture, $"{quiz.QuestionCount} {Questions(quiz.QuestionCount)} × {quiz.MinutesPerQuestion} {Minutes(quiz.MinutesPerQuestion)}")),
            ]),
            new TextBlock("Press Join (or mention me with join). Questions arrive privately, one at a time; answers are graded on substance, not speed. You can join until the last question opens."),
        ],
        Actions = [new CoachAction("Join", JoinCommand)],
        Summary = $"Quiz at {Local(quiz, quiz.StartUtc)}: press Join to take part.",
    };

    public static CoachMessage Question(Quiz quiz, int index, Question question) => new()
    {
        Blocks =
        [
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Quiz question {index + 1} of {quiz.QuestionCount}"), TextStyle.Heading),
            new TextBlock(question.Text, TextStyle.Quote),
            new TextBlock(string.Create(CultureInfo.InvariantCulture,
                $"Reply here within {quiz.MinutesPerQuestion} {Minutes(quiz.MinutesPerQuestion)} (until {Local(quiz, quiz.OpensAt(index + 1), timeOnly: true)}). One answer per question; it's graded on substance, not speed."), TextStyle.Subtle),
        ],
        Summary = string.Create(CultureInfo.InvariantCulture, $"Quiz question {index + 1} of {quiz.QuestionCount}: {question.Text}"),
    };

    public static CoachMessage Receipt(Quiz quiz, int index) => CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
        $"Answer received for quiz question {index + 1} of {quiz.QuestionCount}; scores come at the end."));

    public static CoachMessage Joined(string? name, Quiz quiz) => CoachMessage.FromText(quiz.State == QuizState.Running
        ? string.Create(CultureInfo.InvariantCulture, $"{name ?? "You"}, you're in. Question {quiz.CurrentIndex + 1} of {quiz.QuestionCount} is open: I've sent it to you privately.")
        : $"{name ?? "You"}, you're in. Questions arrive privately from {Local(quiz, quiz.StartUtc)}.");

    public static CoachMessage AlreadyJoined() => CoachMessage.FromText("You've already joined this quiz. Questions arrive privately.");

    public static CoachMessage TooLateToJoin() => CoachMessage.FromText("Too late to join: the last question is already open. The leaderboard comes at the end.");

    public static CoachMessage NothingToJoin() => CoachMessage.FromText("There's no quiz to join here right now.");

    public static CoachMessage NoQuiz() => CoachMessage.FromText("No quiz here yet. An admin can schedule one: quiz 2027-05-04 15:00 Europe/Berlin questions 5 minutes 3.");

    public static CoachMessage NotStarted(Quiz quiz, int members) => CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
        $"The quiz starts {Local(quiz, quiz.StartUtc)}; {members} {(members == 1 ? "member has" : "members have")} joined so far. No scores yet."));

    public static CoachMessage Leaderboard(Quiz quiz, IReadOnlyList<QuizStanding> standings, int asked)
    {
        var final = quiz.State == QuizState.Finished;
        var heading = final
            ? "Quiz leaderboard · final"
            : string.Create(CultureInfo.InvariantCulture, $"Quiz standings so far · {asked} of {quiz.QuestionCount} {Questions(quiz.QuestionCount)} asked");
        if (standings.Count == 0)
        {
            return CoachMessage.FromText($"{heading}: nobody joined.");
        }

        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock(heading, TextStyle.Heading),
                new FactsBlock([.. standings.Select(s => new CoachFact(
                    string.Create(CultureInfo.InvariantCulture, $"{s.Rank}. {s.Member.UserName ?? "A member"}"),
                    string.Create(CultureInfo.InvariantCulture, $"{s.Total} points · {s.Answered}/{asked} answered")))]),
                new TextBlock("Ties go to fewer skipped questions, then to the earlier final answer.", TextStyle.Subtle),
            ],
            Summary = string.Create(CultureInfo.InvariantCulture, $"{heading}: {standings[0].Member.UserName ?? "a member"} leads with {standings[0].Total} points."),
        };
    }

    public static CoachMessage Breakdown(Quiz quiz, QuestionSet set, QuizStanding standing, int of, IReadOnlyList<QuizAnswer> mine)
    {
        var facts = new List<CoachFact>();
        for (var i = 0; i < quiz.QuestionCount; i++)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"Q{i + 1}");
            var answer = mine.FirstOrDefault(a => a.QuestionIndex == i);
            facts.Add(new CoachFact(label, answer is null ? "skipped" : Scored(answer.Grade)));
        }

        var blocks = new List<CoachBlock>
        {
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Your quiz result: {standing.Total} points, rank {standing.Rank} of {of}"), TextStyle.Heading),
            new TextBlock(set.Title, TextStyle.Subtle),
            new FactsBlock(facts),
        };
        if (mine.Select(a => a.Grade).MinBy(g => g.Overall) is { Tip.Length: > 0 } weakest)
        {
            blocks.Add(new TextBlock($"Tip: {weakest.Tip}"));
        }

        return new CoachMessage { Blocks = blocks, Summary = string.Create(CultureInfo.InvariantCulture, $"Your quiz result: {standing.Total} points, rank {standing.Rank} of {of}.") };
    }

    private static string Scored(GradeResult grade) =>
        string.Create(CultureInfo.InvariantCulture, $"{grade.Overall}/100") + (grade.Weakest is { } w ? $" (weakest: {w.Name})" : string.Empty);

    private static string Local(Quiz quiz, DateTimeOffset utc, bool timeOnly = false)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(quiz.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return timeOnly
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({quiz.TimeZoneId})";
    }

    private static string Questions(int n) => n == 1 ? "question" : "questions";

    private static string Minutes(int n) => n == 1 ? "minute" : "minutes";
}
