using System.Globalization;
using CoachBot.Core.Channels.Scheduling;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Channels.Quizzes;

/// <summary>
/// Timed quizzes in a place: an admin schedules one (<c>quiz …</c>), members <c>join</c>, questions go to each
/// member privately one at a time, answers in the 1:1 chat are graded on substance, and the end posts a
/// leaderboard and sends each member their breakdown. This file holds the chat side; the timers are in
/// <c>QuizService.Timers.cs</c>.
/// </summary>
public sealed partial class QuizService(
    IQuizStore quizzes,
    IStudyChannelStore store,
    IQuestionSetStore sets,
    GradingService grading,
    IChannelMessenger messenger,
    IStudyScheduler scheduler,
    DeliveryLedger ledger,
    PlaceLifecycle lifecycle,
    Admin.SetActivation activation,
    IOptions<PracticeOptions> practice,
    DeliveryMetrics deliveries,
    TimeProvider time,
    ILogger<QuizService> logger)
{
    /// <summary>Timer kind: the announcement, 10 minutes before the start.</summary>
    public const string AnnounceKind = "quiz-announce";

    /// <summary>Timer kind: a question opens (id <c>{quizId:N}:{index}</c>).</summary>
    public const string QuestionKind = "quiz-question";

    /// <summary>Timer kind: the end (leaderboard and breakdowns).</summary>
    public const string ResultsKind = "quiz-results";

    /// <summary>How long before the start the announcement is posted.</summary>
    public static readonly TimeSpan AnnounceLead = TimeSpan.FromMinutes(10);

    /// <summary><c>quiz yyyy-mm-dd HH:MM zone questions N minutes M [set id]</c>: validates, picks the questions, saves and sets the timers.</summary>
    public async Task<IReadOnlyList<CoachMessage>> ScheduleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var parsed = ScheduleSpec.ParseQuiz($"quiz {arguments}", time);
        if (parsed.Value is not { } spec)
        {
            return [CoachMessage.FromText(parsed.Error!)];
        }

        var placeSetId = await activation.ResolveAsync(null, turn.Place.PlaceKey, turn.Place.TeamId, cancellationToken);
        if (await sets.GetLatestAsync(spec.SetId ?? placeSetId, cancellationToken) is not { } set)
        {
            return [StudyChannelMessages.NoSuchSet(spec.SetId ?? placeSetId, placeSetId)];
        }

        var enabled = set.EnabledQuestions;
        if (enabled.Count < spec.Questions)
        {
            return [CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
                $"\"{set.Title}\" has {enabled.Count} questions; ask for at most {enabled.Count} (questions {enabled.Count})."))];
        }

        var previous = await quizzes.GetQuizzesAsync(turn.Place.PlaceKey, cancellationToken);
        if (previous.Any(q => q.State != QuizState.Finished))
        {
            return [CoachMessage.FromText("A quiz is already scheduled or running here. Wait for its leaderboard before scheduling the next.")];
        }

        var history = previous.Where(q => q.SetId == set.Id).SelectMany(q => q.QuestionIds).ToList();
        var now = time.GetUtcNow();
        var quiz = new Quiz(Guid.NewGuid(), turn.Place.PlaceKey, spec.StartUtc, spec.TimeZoneId, spec.Questions, spec.Minutes, set.Id, set.Version,
            PickQuestions(set, history, spec.Questions), -1, QuizState.Scheduled, turn.UserKey, now);
        await quizzes.SaveQuizAsync(quiz, cancellationToken);

        var announce = quiz.StartUtc - AnnounceLead;
        await scheduler.ScheduleOnceAsync(AnnounceKind, quiz.Id.ToString("N"), announce > now ? announce : now, cancellationToken: cancellationToken);
        for (var i = 0; i < quiz.QuestionCount; i++)
        {
            await scheduler.ScheduleOnceAsync(QuestionKind, QuestionTimerId(quiz.Id, i), quiz.OpensAt(i), cancellationToken: cancellationToken);
        }

        await scheduler.ScheduleOnceAsync(ResultsKind, quiz.Id.ToString("N"), quiz.EndUtc, MissedTimer.RunLate, cancellationToken);
        LogScheduled(logger, quiz.Id, quiz.PlaceKey, quiz.QuestionCount, quiz.MinutesPerQuestion);
        return [QuizMessages.Scheduled(quiz, set)];
    }

    /// <summary><c>join</c>: anyone may join the place's upcoming or running quiz until its last question opens (idempotent).</summary>
    public async Task<IReadOnlyList<CoachMessage>> JoinAsync(ChannelTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var quiz = (await quizzes.GetQuizzesAsync(turn.Place.PlaceKey, cancellationToken)).LastOrDefault(q => q.State != QuizState.Finished);
        if (quiz is null)
        {
            return [QuizMessages.NothingToJoin()];
        }

        var lastIndex = quiz.QuestionCount - 1;
        if (quiz.CurrentIndex >= lastIndex || time.GetUtcNow() >= quiz.OpensAt(lastIndex))
        {
            return [QuizMessages.TooLateToJoin()];
        }

        var member = new QuizMember(quiz.Id, turn.UserKey, turn.UserId, turn.UserName, time.GetUtcNow());
        if (!await quizzes.TryAddMemberAsync(member, cancellationToken))
        {
            return [QuizMessages.AlreadyJoined()];
        }

        LogJoined(logger, quiz.Id, quiz.State == QuizState.Running ? quiz.CurrentIndex : -1);
        if (quiz.State == QuizState.Running && quiz.CurrentIndex >= 0
            && await sets.GetVersionAsync(quiz.SetId, quiz.SetVersion, cancellationToken) is { } set
            && set.FindQuestion(quiz.QuestionIds[quiz.CurrentIndex]) is { } question)
        {
            await messenger.SendPrivateAsync(turn.Place, turn.UserId, turn.UserName, QuizMessages.Question(quiz, quiz.CurrentIndex, question), cancellationToken);
        }

        return [QuizMessages.Joined(turn.UserName, quiz)];
    }

    /// <summary><c>leaderboard</c>: the standings of the place's latest quiz (so far, or final).</summary>
    public async Task<IReadOnlyList<CoachMessage>> LeaderboardAsync(ChannelTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var quiz = (await quizzes.GetQuizzesAsync(turn.Place.PlaceKey, cancellationToken)).MaxBy(q => q.StartUtc);
        if (quiz is null)
        {
            return [QuizMessages.NoQuiz()];
        }

        var members = await quizzes.GetMembersAsync(quiz.Id, cancellationToken);
        if (quiz.State == QuizState.Scheduled)
        {
            return [QuizMessages.NotStarted(quiz, members.Count)];
        }

        var asked = quiz.State == QuizState.Finished ? quiz.QuestionCount : quiz.CurrentIndex + 1;
        var standings = QuizLeaderboard.Rank(members, await quizzes.GetAnswersAsync(quiz.Id, cancellationToken), asked);
        return [QuizMessages.Leaderboard(quiz, standings, asked)];
    }

    /// <summary>
    /// A 1:1 message that may be a quiz answer: when the learner is in a running quiz whose current question is
    /// still open and they have not answered it, the answer is graded, stored and a short receipt returned;
    /// otherwise <c>null</c> (the message is not a quiz answer).
    /// </summary>
    public async Task<CoachMessage?> TryAnswerAsync(string userKey, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var now = time.GetUtcNow();
        foreach (var quiz in await quizzes.GetRunningQuizzesOfMemberAsync(userKey, cancellationToken))
        {
            var index = quiz.CurrentIndex;
            if (index < 0 || now >= quiz.OpensAt(index + 1)
                || (await quizzes.GetAnswersAsync(quiz.Id, cancellationToken)).Any(a => a.QuestionIndex == index && a.UserKey == userKey))
            {
                continue;
            }

            if (text.Length > practice.Value.MaxAnswerLength)
            {
                return CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
                    $"Your answer is {text.Length:N0} characters; the limit is {practice.Value.MaxAnswerLength:N0}. Please shorten it and send it again."));
            }

            if (await sets.GetVersionAsync(quiz.SetId, quiz.SetVersion, cancellationToken) is not { } set
                || set.FindQuestion(quiz.QuestionIds[index]) is not { } question)
            {
                continue;
            }

            var grade = await grading.GradeAsync(new GradingRequest(set, question, text), userKey, cancellationToken: cancellationToken);
            if (!await quizzes.TryAddAnswerAsync(new QuizAnswer(quiz.Id, index, userKey, text, grade, now), cancellationToken))
            {
                continue; // a concurrent message of theirs was first
            }

            LogAnswered(logger, quiz.Id, index, grade.Overall);
            return QuizMessages.Receipt(quiz, index);
        }

        return null;
    }

    /// <summary>The id of the timer that opens question <paramref name="index"/>.</summary>
    public static string QuestionTimerId(Guid quizId, int index) => string.Create(CultureInfo.InvariantCulture, $"{quizId:N}:{index}");

    /// <summary>N distinct questions, continuing the place's no-repeat rotation through the set.</summary>
    private static List<string> PickQuestions(QuestionSet set, List<string> history, int count)
    {
        var picked = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var next = ChannelRotation.Next(set, [.. history, .. picked]);
            var id = next is not null && !picked.Contains(next.Id, StringComparer.OrdinalIgnoreCase)
                ? next.Id
                : set.EnabledQuestions.First(q => !picked.Contains(q.Id, StringComparer.OrdinalIgnoreCase)).Id;
            picked.Add(id);
        }

        return picked;
    }

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Quiz {QuizId} scheduled in {PlaceKey}: {Questions} questions x {Minutes} minutes")]
    private static partial void LogScheduled(ILogger logger, Guid quizId, string placeKey, int questions, int minutes);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "A member joined quiz {QuizId} (open question index {Index})")]
    private static partial void LogJoined(ILogger logger, Guid quizId, int index);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Graded a quiz answer to question {Index} of quiz {QuizId}: {Score}/100")]
    private static partial void LogAnswered(ILogger logger, Guid quizId, int index, int score);
}
