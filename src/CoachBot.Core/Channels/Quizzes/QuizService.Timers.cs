using System.Globalization;
using CoachBot.Core.Messages;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Channels.Quizzes;

/// <summary>The timed steps of <see cref="QuizService"/>: announcement, each question, the results.</summary>
public sealed partial class QuizService
{
    /// <summary>Whether <paramref name="kind"/> is a quiz timer.</summary>
    public static bool IsQuizKind(string kind) => kind is AnnounceKind or QuestionKind or ResultsKind;

    /// <summary>
    /// Runs a quiz timer. Each step goes through the <see cref="DeliveryLedger"/> first, so a timer firing twice, or on
    /// two instances, never posts twice.
    /// </summary>
    public Task RunTimerAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split(':');
        if (!Guid.TryParse(parts[0], out var quizId))
        {
            return Task.CompletedTask;
        }

        return kind switch
        {
            AnnounceKind => AnnounceAsync(quizId, cancellationToken),
            QuestionKind when parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) =>
                OpenQuestionAsync(quizId, index, cancellationToken),
            ResultsKind => EndAsync(quizId, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task AnnounceAsync(Guid quizId, CancellationToken ct)
    {
        if (await LoadAsync(quizId, ct) is not var (quiz, place, set) || quiz.State == QuizState.Finished)
        {
            return;
        }

        var key = $"{AnnounceKind}:{quiz.Id:N}";
        if (await ledger.BeginAsync(key, AnnounceKind, place.PlaceKey, quiz.StartUtc - AnnounceLead, ct))
        {
            await FinishAsync(key, AnnounceKind, place, await messenger.PostAsync(place, QuizMessages.Announcement(quiz, set), ledger.GateFor(key), ct));
        }
    }

    private async Task OpenQuestionAsync(Guid quizId, int index, CancellationToken ct)
    {
        if (await LoadAsync(quizId, ct) is not var (quiz, place, set) || quiz.State == QuizState.Finished || index < 0 || index >= quiz.QuestionCount
            || set.FindQuestion(quiz.QuestionIds[index]) is not { } question)
        {
            return;
        }

        var key = $"{QuestionKind}:{quiz.Id:N}:{index}";
        // Private sends to every member: the gate is passed once, before the first of them.
        if (!await ledger.BeginAsync(key, QuestionKind, place.PlaceKey, quiz.OpensAt(index), ct) || !await ledger.TryStartSendingAsync(key, ct))
        {
            return;
        }

        quiz = quiz with { CurrentIndex = Math.Max(quiz.CurrentIndex, index), State = QuizState.Running };
        await quizzes.SaveQuizAsync(quiz, ct);
        var message = QuizMessages.Question(quiz, index, question);
        var failed = 0;
        foreach (var member in await quizzes.GetMembersAsync(quiz.Id, ct))
        {
            var sent = await messenger.SendPrivateAsync(place, member.UserId, member.UserName, message, ct);
            failed += sent.Outcome == SendOutcome.Sent ? 0 : 1;
        }

        await FinishAsync(key, QuestionKind, place, new SendResult(failed == 0 ? SendOutcome.Sent : SendOutcome.Failed, null, null, failed == 0 ? null : $"{failed} private sends failed"));
        LogQuestionOpened(logger, quiz.Id, index);
    }

    private async Task EndAsync(Guid quizId, CancellationToken ct)
    {
        if (await LoadAsync(quizId, ct) is not var (quiz, place, set))
        {
            return;
        }

        var key = $"{ResultsKind}:{quiz.Id:N}";
        if (!await ledger.BeginAsync(key, ResultsKind, place.PlaceKey, quiz.EndUtc, ct) || !await ledger.TryStartSendingAsync(key, ct))
        {
            return;
        }

        quiz = quiz with { CurrentIndex = quiz.QuestionCount - 1, State = QuizState.Finished };
        await quizzes.SaveQuizAsync(quiz, ct);
        var members = await quizzes.GetMembersAsync(quiz.Id, ct);
        var answers = await quizzes.GetAnswersAsync(quiz.Id, ct);
        var standings = QuizLeaderboard.Rank(members, answers, quiz.QuestionCount);
        var posted = await messenger.PostAsync(place, QuizMessages.Leaderboard(quiz, standings, quiz.QuestionCount), gate: null, ct);
        foreach (var standing in standings)
        {
            var mine = answers.Where(a => a.UserKey == standing.Member.UserKey).ToList();
            await messenger.SendPrivateAsync(place, standing.Member.UserId, standing.Member.UserName, QuizMessages.Breakdown(quiz, set, standing, standings.Count, mine), ct);
        }

        await FinishAsync(key, ResultsKind, place, posted);
        LogFinished(logger, quiz.Id, members.Count);
    }

    private async Task<(Quiz Quiz, StudyPlace Place, QuestionSets.QuestionSet Set)?> LoadAsync(Guid quizId, CancellationToken ct) =>
        await quizzes.GetQuizAsync(quizId, ct) is { } quiz
        && await store.GetPlaceAsync(quiz.PlaceKey, ct) is { Active: true } place
        && await sets.GetVersionAsync(quiz.SetId, quiz.SetVersion, ct) is { } set
            ? (quiz, place, set)
            : null;

    /// <summary>
    /// Marks the step sent or failed and counts it (a withheld step belongs to another instance); recorded even when
    /// shutdown has begun, as the step was sent. A post the place refused for good (403/404) takes the place out of
    /// service, as a refused question of the day does: the quiz's later steps find it inactive and send nothing.
    /// </summary>
    private async Task FinishAsync(string key, string kind, StudyPlace place, SendResult result)
    {
        await ledger.FinishAsync(key, result, CancellationToken.None);
        if (result.Outcome != SendOutcome.Withheld)
        {
            deliveries.Ended(kind, result.Outcome);
        }

        if (result.Outcome == SendOutcome.Blocked)
        {
            await lifecycle.DeactivateAsync(place.PlaceKey, PlaceEndReason.Blocked, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Quiz {QuizId} opened question index {Index}")]
    private static partial void LogQuestionOpened(ILogger logger, Guid quizId, int index);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Quiz {QuizId} finished with {Members} members")]
    private static partial void LogFinished(ILogger logger, Guid quizId, int members);
}
