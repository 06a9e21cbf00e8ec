using CoachBot.Core.Admin;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Practice;

/// <summary>
/// The 1:1 practice flow: asking questions, grading answers, retries, examples, progress and
/// "forget me". Channel-neutral: it takes a <see cref="ChatTurn"/> and returns <see cref="CoachMessage"/>s.
/// </summary>
public sealed partial class PracticeService(
    IPracticeStore store,
    IQuestionSetStore sets,
    SetActivation activation,
    GradingService grading,
    IOptions<PracticeOptions> options,
    TimeProvider time,
    ILogger<PracticeService> logger)
{
    private readonly PracticeOptions _options = options.Value;

    /// <summary>The maximum answer length in characters.</summary>
    public int MaxAnswerLength => _options.MaxAnswerLength;

    /// <summary>
    /// The latest version of the set a learner practises: their own choice (<c>use</c>), else the default an admin
    /// activated, else <see cref="PracticeOptions.DefaultSetId"/>. <paramref name="userKey"/> <c>null</c>: the default.
    /// </summary>
    public async Task<QuestionSet> GetActiveSetAsync(string? userKey, CancellationToken ct = default)
    {
        var id = await activation.ResolveAsync(userKey, null, null, ct);
        return await sets.GetLatestAsync(id, ct)
            ?? await sets.GetLatestAsync(_options.DefaultSetId, ct)
            ?? throw new InvalidOperationException($"The default question set '{_options.DefaultSetId}' is not in the database.");
    }

    /// <summary>Records that the learner was seen (profile upsert).</summary>
    public Task TouchAsync(ChatTurn turn, CancellationToken ct = default) =>
        store.TouchLearnerAsync(turn.UserKey, turn.ChannelId, turn.UserName, time.GetUtcNow(), ct);

    /// <summary>The welcome message for a new conversation.</summary>
    public async Task<CoachMessage> WelcomeAsync(CancellationToken ct = default) =>
        PracticeMessages.Welcome(await GetActiveSetAsync(null, ct));

    /// <summary><c>practice</c>: re-shows the open question if it has no answer yet, else asks the next one.</summary>
    public async Task<CoachMessage> PracticeAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var session = await store.GetOpenSessionAsync(turn.UserKey, ct);
        var active = await GetActiveSetAsync(turn.UserKey, ct);
        if (session?.CurrentQuestionId is { } openId && session.SetId == active.Id)
        {
            var attempts = await store.GetAttemptsAsync(turn.UserKey, ct);
            if (!attempts.Any(a => a.SessionId == session.Id && a.QuestionId == openId))
            {
                var set = await LoadSetAsync(session, ct);
                if (set.FindQuestion(openId) is { } open)
                {
                    return PracticeMessages.Question(set, open, QuestionFraming.StillOpen);
                }
            }
        }

        return await NextAsync(turn, session, active, ct);
    }

    /// <summary><c>next</c>: asks the next question (see <see cref="QuestionPicker"/>).</summary>
    public async Task<CoachMessage> NextAsync(ChatTurn turn, CancellationToken ct = default) =>
        await NextAsync(turn, await store.GetOpenSessionAsync(turn.UserKey, ct), await GetActiveSetAsync(turn.UserKey, ct), ct);

    /// <summary>
    /// Picks from the latest version of the active set, so questions an admin added or disabled count at once.
    /// When the active set changed (<c>use</c>, <c>admin activate</c>), the open session on the old set ends.
    /// </summary>
    private async Task<CoachMessage> NextAsync(ChatTurn turn, PracticeSession? session, QuestionSet set, CancellationToken ct)
    {
        if (session is not null && session.SetId != set.Id)
        {
            await store.SaveSessionAsync(session with { CurrentQuestionId = null, EndedAt = time.GetUtcNow() }, ct);
            session = null;
        }

        session = session is null
            ? new PracticeSession(Guid.NewGuid(), turn.UserKey, set.Id, set.Version, null, [], time.GetUtcNow(), null)
            : session with { SetVersion = set.Version };

        var asked = await store.GetAskedQuestionIdsAsync(turn.UserKey, set.Id, ct);
        var attempts = await store.GetAttemptsAsync(turn.UserKey, ct);
        var pick = QuestionPicker.Pick(set, asked, attempts, session.CurrentQuestionId);
        if (pick is null)
        {
            return PracticeMessages.NoQuestions(set);
        }

        session = session with
        {
            CurrentQuestionId = pick.Question.Id,
            AskedQuestionIds = [.. session.AskedQuestionIds, pick.Question.Id],
        };
        await store.SaveSessionAsync(session, ct);
        LogQuestionAsked(logger, session.Id, set.Id, pick.Question.Id);
        return PracticeMessages.Question(set, pick.Question, pick.IsReview ? QuestionFraming.Review : QuestionFraming.New);
    }

    /// <summary><c>retry</c>: asks the open question again.</summary>
    public async Task<CoachMessage> RetryAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var (session, set, question) = await GetOpenQuestionAsync(turn.UserKey, ct);
        return question is null ? PracticeMessages.NothingToRetry() : PracticeMessages.Question(set!, question, QuestionFraming.Retry);
    }

    /// <summary>
    /// Grades <paramref name="turn"/>'s text as the answer to the open question; with no open question,
    /// the one-line hint to type help.
    /// </summary>
    public async Task<CoachMessage> AnswerAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var (session, set, question) = await GetOpenQuestionAsync(turn.UserKey, ct);
        if (session is null || set is null || question is null)
        {
            return PracticeMessages.UnknownCommand();
        }

        if (turn.Text.Length > _options.MaxAnswerLength)
        {
            return PracticeMessages.AnswerTooLong(turn.Text.Length, _options.MaxAnswerLength);
        }

        if (string.IsNullOrWhiteSpace(turn.Text))
        {
            return PracticeMessages.PleaseTypeAnswer(turn.HasAttachments);
        }

        var grade = await grading.GradeAsync(new GradingRequest(set, question, turn.Text), turn.UserKey, cancellationToken: ct);
        var history = await store.GetAttemptsAsync(turn.UserKey, ct);
        var previous = history.LastOrDefault(a => a.SetId == set.Id && a.QuestionId == question.Id);
        var attempt = new Attempt(Guid.NewGuid(), session.Id, turn.UserKey, set.Id, set.Version, question.Id, turn.Text,
            turn.MessageId, grade, time.GetUtcNow(), null);
        await store.SaveAttemptAsync(attempt, ct);
        LogAnswerGraded(logger, session.Id, question.Id, grade.Overall, grade.Grader);
        return PracticeMessages.Feedback(set, question, attempt, previous, regraded: false);
    }

    /// <summary>Re-grades an edited answer when it is the learner's latest attempt.</summary>
    public async Task<CoachMessage?> RegradeAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var history = await store.GetAttemptsAsync(turn.UserKey, ct);
        var latest = history.Count == 0 ? null : history[^1];
        if (turn.MessageId is null || latest is null || latest.SourceMessageId != turn.MessageId)
        {
            return history.Any(a => a.SourceMessageId == turn.MessageId && turn.MessageId is not null)
                ? PracticeMessages.OnlyLatestRegraded()
                : null;
        }

        if (string.IsNullOrWhiteSpace(turn.Text) || turn.Text.Length > _options.MaxAnswerLength)
        {
            return string.IsNullOrWhiteSpace(turn.Text)
                ? PracticeMessages.PleaseTypeAnswer(turn.HasAttachments)
                : PracticeMessages.AnswerTooLong(turn.Text.Length, _options.MaxAnswerLength);
        }

        var set = await sets.GetVersionAsync(latest.SetId, latest.SetVersion, ct) ?? await GetActiveSetAsync(turn.UserKey, ct);
        var question = set.FindQuestion(latest.QuestionId);
        if (question is null)
        {
            return null;
        }

        var grade = await grading.GradeAsync(new GradingRequest(set, question, turn.Text), turn.UserKey, cancellationToken: ct);
        var updated = latest with { Answer = turn.Text, Grade = grade, UpdatedAt = time.GetUtcNow() };
        await store.SaveAttemptAsync(updated, ct);
        var previous = history.Take(history.Count - 1).LastOrDefault(a => a.SetId == set.Id && a.QuestionId == question.Id);
        LogAnswerGraded(logger, latest.SessionId, question.Id, grade.Overall, grade.Grader);
        return PracticeMessages.Feedback(set, question, updated, previous, regraded: true);
    }

    /// <summary><c>example</c>: the strong example answer, only after an attempt at the open question.</summary>
    public async Task<CoachMessage> ExampleAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var (session, _, question) = await GetOpenQuestionAsync(turn.UserKey, ct);
        if (session is null || question is null)
        {
            return PracticeMessages.ExampleNeedsQuestion();
        }

        var attempts = await store.GetAttemptsAsync(turn.UserKey, ct);
        if (!attempts.Any(a => a.SetId == session.SetId && a.QuestionId == question.Id))
        {
            return PracticeMessages.ExampleNeedsAttempt();
        }

        return PracticeMessages.Example(question);
    }

    /// <summary><c>stop</c>: ends the open session with a two-line summary.</summary>
    public async Task<CoachMessage> StopAsync(ChatTurn turn, CancellationToken ct = default)
    {
        var session = await store.GetOpenSessionAsync(turn.UserKey, ct);
        if (session is null)
        {
            return PracticeMessages.NoSessionToStop();
        }

        await store.SaveSessionAsync(session with { CurrentQuestionId = null, EndedAt = time.GetUtcNow() }, ct);
        var attempts = (await store.GetAttemptsAsync(turn.UserKey, ct)).Where(a => a.SessionId == session.Id).ToList();
        return PracticeMessages.Stopped(ProgressReport.From(attempts));
    }

    /// <summary><c>progress</c>: attempts, average, best, latest, per-model averages, weakest model.</summary>
    public async Task<CoachMessage> ProgressAsync(ChatTurn turn, CancellationToken ct = default) =>
        PracticeMessages.Progress(ProgressReport.From(await store.GetAttemptsAsync(turn.UserKey, ct)));

    /// <summary>Deletes every practice record about the learner.</summary>
    public async Task<ForgetResult> ForgetAsync(string userKey, CancellationToken ct = default)
    {
        var result = await store.ForgetLearnerAsync(userKey, ct);
        LogForgotten(logger, result.Attempts, result.Sessions);
        return result;
    }

    private async Task<(PracticeSession? Session, QuestionSet? Set, Question? Question)> GetOpenQuestionAsync(string userKey, CancellationToken ct)
    {
        var session = await store.GetOpenSessionAsync(userKey, ct);
        if (session?.CurrentQuestionId is not { } questionId)
        {
            return (session, null, null);
        }

        var set = await LoadSetAsync(session, ct);
        return (session, set, set.FindQuestion(questionId));
    }

    private async Task<QuestionSet> LoadSetAsync(PracticeSession session, CancellationToken ct) =>
        await sets.GetVersionAsync(session.SetId, session.SetVersion, ct) ?? await GetActiveSetAsync(session.UserKey, ct);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Asked question {QuestionId} of set {SetId} in session {SessionId}")]
    private static partial void LogQuestionAsked(ILogger logger, Guid sessionId, string setId, string questionId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Graded an answer to {QuestionId} in session {SessionId}: {Score}/100 by {Grader}")]
    private static partial void LogAnswerGraded(ILogger logger, Guid sessionId, string questionId, int score, string grader);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Forgot a learner: {Attempts} attempts and {Sessions} sessions deleted")]
    private static partial void LogForgotten(ILogger logger, int attempts, int sessions);
}
