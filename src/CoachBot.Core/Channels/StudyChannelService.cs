using System.Globalization;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Channels;

/// <summary>
/// Messages in shared places: replies in a question-of-the-day thread are graded answers (feedback privately,
/// or in the thread when the channel chose <c>feedback public</c>); mentions are channel commands.
/// Returns the replies to post in the turn; private feedback goes through <see cref="IChannelMessenger"/>.
/// </summary>
public sealed partial class StudyChannelService(
    ChannelCommandRouter router,
    IStudyChannelStore store,
    IQuestionSetStore sets,
    GradingService grading,
    IChannelMessenger messenger,
    IOptions<PracticeOptions> practice,
    TimeProvider time,
    ILogger<StudyChannelService> logger)
{
    /// <summary>The message posted once when the bot is added to a place.</summary>
    public static CoachMessage InstalledMessage => StudyChannelMessages.Installed();

    /// <summary>Handles one message in a place.</summary>
    public async Task<IReadOnlyList<CoachMessage>> HandleMessageAsync(ChannelTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = router.Match(turn.Text);
        if (match is null && await FindPromptAsync(turn, cancellationToken) is { } prompt)
        {
            return await AnswerAsync(turn, prompt, regrade: false, cancellationToken);
        }

        if (ChatCommandRouterHelp(turn.Text))
        {
            return [StudyChannelMessages.Help([("help", "this list", false), .. router.Commands.Select(c => (c.Usage, c.Description, c.AdminAction is not null))])];
        }

        if (match is { } m)
        {
            LogCommand(logger, m.Command.Name, turn.Place.PlaceKey);
            return await router.RouteAsync(turn, m.Command, m.Arguments, cancellationToken);
        }

        // Slack delivers every channel message; only answer what was addressed to the coach.
        return turn.MentionsBot ? [StudyChannelMessages.UnknownCommand()] : [];
    }

    /// <summary>Handles an edited message: an edited answer is re-graded.</summary>
    public async Task<IReadOnlyList<CoachMessage>> HandleEditAsync(ChannelTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return await FindPromptAsync(turn, cancellationToken) is { } prompt && turn.MessageId is not null
            && await store.FindAnswerAsync(prompt.Id, turn.MessageId, cancellationToken) is not null
            ? await AnswerAsync(turn, prompt, regrade: true, cancellationToken)
            : [];
    }

    /// <summary>
    /// The question a message answers. In a Teams channel: any reply in the question's thread. In a Slack channel: any
    /// reply in the question's thread (its <see cref="ChannelTurn.ThreadKey"/> is the question's <see cref="DailyPrompt.PostId"/>).
    /// Everywhere else (group chats, other Slack messages) only messages that mention the bot, so ordinary
    /// conversation is never graded.
    /// </summary>
    private async Task<DailyPrompt?> FindPromptAsync(ChannelTurn turn, CancellationToken ct)
    {
        if (turn.Place.Kind == PlaceKind.TeamsChannel)
        {
            return turn.ConversationId == turn.Place.ConversationId ? null : await store.FindPromptByThreadAsync(turn.ConversationId, ct);
        }

        if (turn.Place.Kind == PlaceKind.SlackChannel && turn.ThreadKey is { } thread
            && await store.FindPromptByPostAsync(turn.Place.PlaceKey, thread, ct) is { } threaded)
        {
            return threaded;
        }

        return turn.MentionsBot
            ? await store.FindPromptByThreadAsync(turn.ConversationId, ct) ?? await store.FindPromptByThreadAsync(turn.Place.ConversationId, ct)
            : null;
    }

    private async Task<IReadOnlyList<CoachMessage>> AnswerAsync(ChannelTurn turn, DailyPrompt prompt, bool regrade, CancellationToken ct)
    {
        var set = await sets.GetVersionAsync(prompt.SetId, prompt.SetVersion, ct);
        var question = set?.FindQuestion(prompt.QuestionId);
        if (set is null || question is null)
        {
            return [];
        }

        var problem = string.IsNullOrWhiteSpace(turn.Text)
            ? "I can only grade typed answers: reply in the thread with your answer as text."
            : turn.Text.Length > practice.Value.MaxAnswerLength
                ? string.Create(CultureInfo.InvariantCulture, $"Your answer is {turn.Text.Length:N0} characters; the limit is {practice.Value.MaxAnswerLength:N0}. Please shorten it and reply again.")
                : null;
        if (problem is not null)
        {
            return await DeliverAsync(turn, StudyChannelMessages.AnswerNotGradable(problem), ct);
        }

        var grade = await grading.GradeAsync(new GradingRequest(set, question, turn.Text), turn.UserKey, cancellationToken: ct);
        var existing = turn.MessageId is null ? null : await store.FindAnswerAsync(prompt.Id, turn.MessageId, ct);
        var now = time.GetUtcNow();
        var answer = existing is null
            ? new ChannelAnswer(Guid.NewGuid(), prompt.Id, turn.Place.PlaceKey, turn.UserKey, turn.UserName, turn.MessageId, turn.Text, grade, now, null)
            : existing with { Answer = turn.Text, Grade = grade, UpdatedAt = now, UserName = turn.UserName ?? existing.UserName };
        await store.SaveAnswerAsync(answer, ct);
        LogAnswerGraded(logger, turn.Place.PlaceKey, prompt.QuestionId, grade.Overall, grade.Grader);

        var prompts = await store.GetPromptsAsync(turn.Place.PlaceKey, ct);
        var streak = Streaks.For(prompts, await store.GetAnsweredPromptIdsAsync(turn.Place.PlaceKey, turn.UserKey, ct), now);
        var isPublic = turn.Place.Feedback == FeedbackMode.Public;
        var feedback = StudyChannelMessages.AnswerFeedback(set, question, grade, streak, regrade || existing is not null, isPublic, turn.UserName);
        return await DeliverAsync(turn, feedback, ct);
    }

    /// <summary>In the thread when the place chose public feedback; otherwise privately, with nothing said in the thread.</summary>
    private async Task<IReadOnlyList<CoachMessage>> DeliverAsync(ChannelTurn turn, CoachMessage message, CancellationToken ct)
    {
        if (turn.Place.Feedback == FeedbackMode.Public)
        {
            return [message];
        }

        var result = await messenger.SendPrivateAsync(turn.Place, turn.UserId, turn.UserName, message, ct);
        if (result.Outcome != SendOutcome.Sent)
        {
            LogPrivateFailed(logger, turn.Place.PlaceKey, result.Error ?? result.Outcome.ToString());
            return [CoachMessage.FromText("I graded your answer but couldn't message you privately. Open a 1:1 chat with me and try again.")];
        }

        return [];
    }

    private static bool ChatCommandRouterHelp(string text) =>
        Practice.Commands.ChatCommandRouter.Normalize(text) is "help" or "commands" or "?";

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Channel command {Command} in {PlaceKey}")]
    private static partial void LogCommand(ILogger logger, string command, string placeKey);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Graded a channel answer to {QuestionId} in {PlaceKey}: {Score}/100 by {Grader}")]
    private static partial void LogAnswerGraded(ILogger logger, string placeKey, string questionId, int score, string grader);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Private feedback in {PlaceKey} could not be sent: {Error}")]
    private static partial void LogPrivateFailed(ILogger logger, string placeKey, string error);
}
