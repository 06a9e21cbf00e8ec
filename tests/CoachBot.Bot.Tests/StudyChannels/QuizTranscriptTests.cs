using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Quizzes;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Transcript = CoachBot.Bot.Tests.Handlers.Transcript;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// A timed quiz in a Teams channel as a transcript: an admin schedules it, the announcement carries a Join button,
/// two members join before and one after the first question opens, questions go out privately, answers come back
/// in 1:1 chats, a member is refused after the last question opened, and the end posts the leaderboard and sends
/// each member their breakdown.
/// </summary>
public sealed class QuizTranscriptTests : IAsyncLifetime
{
    private const string Channel = "19:quiz@thread.tacv2";
    private const string Admin = "29:admin";
    private const string Schedule = "<at>CoachBot</at> quiz 2027-05-04 15:00 Europe/Berlin questions 2 minutes 1";
    private const string Good =
        "Security protects customer trust: we rolled out passkeys with self-service guardrails for millions of customers, and account " +
        "takeovers fell from 1.2% to 0.4% of logins while checkout stayed fast across every region.";

    private const string Weak = "Security is important because it protects data and prevents breaches.";

    private static readonly DateTimeOffset Start = new(2027, 5, 4, 13, 0, 0, TimeSpan.Zero); // 15:00 in Berlin (CEST)

    private readonly FakeTimeProvider _time = new(Start.AddHours(-1));
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
    {
        services.Configure<AdminOptions>(o => o.Users.Add(Admin));
        services.AddSingleton<TimeProvider>(_time);
    });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private string PlaceKey => $"msteams:{Channel}";

    private IQuizStore Quizzes => _services.Provider.GetRequiredService<IQuizStore>();

    private DailyPromptRunner Runner => _services.Provider.GetRequiredService<DailyPromptRunner>();

    [Fact]
    public async Task Quiz_TwoQuestionsThreeMembers_AnnouncedAskedPrivatelyAnsweredAndRanked()
    {
        // A member may not schedule; the admin may.
        await ChannelFlow()
            .Send(ChannelMessage(Schedule, "29:member"))
            .AssertReply(a => Assert.Equal("Only admins can schedule a quiz. Ask one of this channel's CoachBot admins.", Transcript.Visible(a)))
            .StartTestAsync();
        Assert.Empty(await Quizzes.GetQuizzesAsync(PlaceKey));

        await ChannelFlow()
            .Send(ChannelMessage(Schedule, Admin))
            .AssertReply(a => Assert.Equal(
                "Quiz scheduled: 2 questions from \"Amazon-Specific Preparation - Customer Trust Focus\", 1 minute each, starting Tue 2027-05-04 15:00 (Europe/Berlin). I'll announce it here 10 minutes before.",
                Transcript.Visible(a)))
            .StartTestAsync();
        var quiz = Assert.Single(await Quizzes.GetQuizzesAsync(PlaceKey));
        var id = quiz.Id.ToString("N");
        Assert.Equal(2, quiz.QuestionIds.Distinct().Count());
        Assert.Equal(
            new Dictionary<string, DateTimeOffset>
            {
                [$"quiz-announce:{id}"] = Start.AddMinutes(-10),
                [$"quiz-question:{id}:0"] = Start,
                [$"quiz-question:{id}:1"] = Start.AddMinutes(1),
                [$"quiz-results:{id}"] = Start.AddMinutes(2),
            },
            _services.Scheduler.Once.Where(t => t.Key.StartsWith("quiz-", StringComparison.Ordinal)).ToDictionary());
        Assert.Equal([$"quiz-results:{id}"], _services.Scheduler.RunLate.Keys); // a quiz always ends, even after downtime

        // Ten minutes before: the announcement with a Join button, once even if the timer fires twice.
        await FireAsync("quiz-announce", id, Start.AddMinutes(-10));
        await FireAsync("quiz-announce", id, Start.AddMinutes(-10));
        var announcement = Assert.Single(_services.Messenger.Sent);
        Assert.Equal("post", announcement.Kind);
        Assert.Contains("Format: 2 questions × 1 minute", Text(announcement.Message), StringComparison.Ordinal);
        Assert.Contains("Starts: Tue 2027-05-04 15:00 (Europe/Berlin)", Text(announcement.Message), StringComparison.Ordinal);
        Assert.Equal([new Core.Messages.CoachAction("Join", "join")], announcement.Message.Actions);

        // Ana joins by mention, Bo with the card's Join button; joining twice changes nothing.
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:ana", "Ana"))
            .AssertReply(a => Assert.Equal("Ana, you're in. Questions arrive privately from Tue 2027-05-04 15:00 (Europe/Berlin).", Transcript.Visible(a)))
            .Send(JoinButton("29:bo", "Bo")).AssertReply(a => Assert.StartsWith("Bo, you're in.", Transcript.Visible(a)))
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:ana", "Ana"))
            .AssertReply(a => Assert.Equal("You've already joined this quiz. Questions arrive privately.", Transcript.Visible(a)))
            .StartTestAsync();

        // Question 1 opens: each member gets it privately.
        await FireAsync("quiz-question", $"{id}:0", Start);
        Assert.Equal(["29:ana", "29:bo"], Privates("Quiz question 1 of 2").Select(p => p.Target));

        // Cy joins late and gets the open question at once.
        _time.SetUtcNow(Start.AddSeconds(20));
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:cy", "Cy"))
            .AssertReply(a => Assert.Equal("Cy, you're in. Question 1 of 2 is open: I've sent it to you privately.", Transcript.Visible(a)))
            .StartTestAsync();
        Assert.Equal(["29:ana", "29:bo", "29:cy"], Privates("Quiz question 1 of 2").Select(p => p.Target));

        // Answers arrive in 1:1 chats, each with a receipt and no score yet.
        _time.SetUtcNow(Start.AddSeconds(30));
        await PrivateAnswerAsync("29:ana", "Ana", Good, "Answer received for quiz question 1 of 2; scores come at the end.");
        await PrivateAnswerAsync("29:bo", "Bo", Weak, "Answer received for quiz question 1 of 2; scores come at the end.");
        _time.SetUtcNow(Start.AddSeconds(40));
        await PrivateAnswerAsync("29:cy", "Cy", Good, "Answer received for quiz question 1 of 2; scores come at the end.");

        // The last question opens: nobody can join any more.
        _time.SetUtcNow(Start.AddMinutes(1));
        await FireAsync("quiz-question", $"{id}:1", Start.AddMinutes(1));
        Assert.Equal(["29:ana", "29:bo", "29:cy"], Privates("Quiz question 2 of 2").Select(p => p.Target));
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:dee", "Dee"))
            .AssertReply(a => Assert.Equal("Too late to join: the last question is already open. The leaderboard comes at the end.", Transcript.Visible(a)))
            .StartTestAsync();

        // Ana and Cy answer the same way (a tie on total and skips; Ana's final answer is earlier); Bo skips.
        _time.SetUtcNow(Start.AddMinutes(1).AddSeconds(10));
        await PrivateAnswerAsync("29:ana", "Ana", Good, "Answer received for quiz question 2 of 2; scores come at the end.");
        _time.SetUtcNow(Start.AddMinutes(1).AddSeconds(20));
        await PrivateAnswerAsync("29:cy", "Cy", Good, "Answer received for quiz question 2 of 2; scores come at the end.");

        // The end: the leaderboard in the channel (once), each member's breakdown privately.
        _time.SetUtcNow(Start.AddMinutes(2));
        var before = _services.Messenger.Sent.Count;
        await FireAsync("quiz-results", id, Start.AddMinutes(2));
        await FireAsync("quiz-results", id, Start.AddMinutes(2));
        var results = _services.Messenger.Sent.Skip(before).ToList();
        Assert.Equal(4, results.Count);

        var answers = await Quizzes.GetAnswersAsync(quiz.Id);
        int Total(string user) => answers.Where(a => a.UserKey == $"msteams:{user}").Sum(a => a.Grade.Overall);
        Assert.Equal(Total("29:ana"), Total("29:cy"));
        Assert.True(Total("29:bo") < Total("29:ana"));

        var leaderboard = results[0];
        Assert.Equal("post", leaderboard.Kind);
        var board = Text(leaderboard.Message);
        Assert.Contains("Quiz leaderboard · final", board, StringComparison.Ordinal);
        var lines = board.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"- 1. Ana: {Total("29:ana")} points · 2/2 answered",
                $"- 2. Cy: {Total("29:cy")} points · 2/2 answered",
                $"- 3. Bo: {Total("29:bo")} points · 1/2 answered",
            ],
            lines);

        var breakdowns = results.Skip(1).ToList();
        Assert.All(breakdowns, b => Assert.Equal("private", b.Kind));
        Assert.Equal(["29:ana", "29:cy", "29:bo"], breakdowns.Select(b => b.Target));
        Assert.StartsWith($"Your quiz result: {Total("29:ana")} points, rank 1 of 3", Text(breakdowns[0].Message), StringComparison.Ordinal);
        var bo = Text(breakdowns[2].Message);
        Assert.StartsWith($"Your quiz result: {Total("29:bo")} points, rank 3 of 3", bo, StringComparison.Ordinal);
        Assert.Contains($"- Q1: {answers.Single(a => a.UserKey == "msteams:29:bo").Grade.Overall}/100", bo, StringComparison.Ordinal);
        Assert.Contains("- Q2: skipped", bo, StringComparison.Ordinal);

        // Afterwards the leaderboard command shows the final standings.
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> leaderboard", "29:bo", "Bo"))
            .AssertReply(a =>
            {
                Assert.Contains("Quiz leaderboard · final", Transcript.Visible(a));
                Assert.Contains($"1. Ana: {Total("29:ana")} points · 2/2 answered", Transcript.Visible(a));
            })
            .StartTestAsync();
        Assert.Equal(QuizState.Finished, (await Quizzes.GetQuizAsync(quiz.Id))!.State);
    }

    [Fact]
    public async Task RecoverPendingAsync_AnnouncementLeftPendingByACrash_SentOnceAfterRestart()
    {
        await ChannelFlow().Send(ChannelMessage(Schedule, Admin)).AssertReply(_ => { }).StartTestAsync();
        var quiz = Assert.Single(await Quizzes.GetQuizzesAsync(PlaceKey));
        var key = $"quiz-announce:{quiz.Id:N}";
        var store = _services.Provider.GetRequiredService<IStudyChannelStore>();
        await store.TryRecordDeliveryAsync(new Delivery(key, "quiz-announce", PlaceKey, Start.AddMinutes(-10), DeliveryState.Pending, 0, null, null, Start.AddMinutes(-10))); // the crash happened here

        await _services.RestartAsync();
        await Runner.RecoverPendingAsync();
        await Runner.RecoverPendingAsync();
        await FireAsync("quiz-announce", quiz.Id.ToString("N"), Start.AddMinutes(-10)); // the timer firing late changes nothing

        var announcement = Assert.Single(_services.Messenger.Sent);
        Assert.Contains("Format: 2 questions × 1 minute", Text(announcement.Message), StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, (await _services.Provider.GetRequiredService<IStudyChannelStore>().GetDeliveryAsync(key))!.State);
    }

    [Fact]
    public async Task Announcement_RefusedWith403_PlaceInactiveSchedulesPausedAndTheQuizPostsNothingMore()
    {
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin", Admin)).AssertReply(_ => { })
            .Send(ChannelMessage(Schedule, Admin)).AssertReply(_ => { })
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:ana", "Ana")).AssertReply(_ => { })
            .StartTestAsync();
        var quiz = Assert.Single(await Quizzes.GetQuizzesAsync(PlaceKey));
        Assert.Single(_services.Scheduler.Daily);
        var store = _services.Provider.GetRequiredService<IStudyChannelStore>();

        _services.Messenger.NextOutcome = SendOutcome.Blocked; // Teams answers the post 403 (the bot may no longer write there)
        await FireAsync("quiz-announce", quiz.Id.ToString("N"), Start.AddMinutes(-10));

        Assert.False((await store.GetPlaceAsync(PlaceKey))!.Active);
        Assert.Empty(_services.Scheduler.Daily);
        Assert.False(Assert.Single(await store.GetSchedulesAsync(PlaceKey)).Active);

        _services.Messenger.NextOutcome = SendOutcome.Sent;
        _time.SetUtcNow(Start);
        await FireAsync("quiz-question", $"{quiz.Id:N}:0", Start);
        _time.SetUtcNow(Start.AddMinutes(2));
        await FireAsync("quiz-results", quiz.Id.ToString("N"), Start.AddMinutes(2));
        Assert.Empty(_services.Messenger.Sent);
    }

    [Fact]
    public async Task QuizAnswer_SecondAnswerOrAfterTheWindow_IsNotTakenAsAQuizAnswer()
    {
        await ChannelFlow().Send(ChannelMessage(Schedule, Admin)).AssertReply(_ => { })
            .Send(ChannelMessage("<at>CoachBot</at> join", "29:ana", "Ana")).AssertReply(_ => { })
            .StartTestAsync();
        var quiz = Assert.Single(await Quizzes.GetQuizzesAsync(PlaceKey));
        _time.SetUtcNow(Start);
        await FireAsync("quiz-question", $"{quiz.Id:N}:0", Start);

        await PrivateAnswerAsync("29:ana", "Ana", Good, "Answer received for quiz question 1 of 2; scores come at the end.");
        await new TestFlow(new IdPreservingTestAdapter(Channels.Msteams), _services.Bot)
            .Send(PrivateMessage("29:ana", "Ana", Weak))
            .AssertReply(a => Assert.DoesNotContain("Answer received", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        // Question 2's timer is late: its answer window has not opened, and question 1's has closed.
        _time.SetUtcNow(Start.AddMinutes(1).AddSeconds(5));
        await new TestFlow(new IdPreservingTestAdapter(Channels.Msteams), _services.Bot)
            .Send(PrivateMessage("29:ana", "Ana", Good))
            .AssertReply(a => Assert.DoesNotContain("Answer received", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        var answer = Assert.Single(await Quizzes.GetAnswersAsync(quiz.Id));
        Assert.Equal((0, Good), (answer.QuestionIndex, answer.Answer));
    }

    [Fact]
    public async Task PrivateMessage_NotInAQuiz_GoesToPracticeAsBefore()
    {
        await new TestFlow(new IdPreservingTestAdapter(Channels.Msteams), _services.Bot)
            .Send(PrivateMessage("29:ana", "Ana", "practice"))
            .AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(PrivateMessage("29:ana", "Ana", Good))
            .AssertReply(a => Assert.Matches(@"\b\d{1,3}/100\b", Transcript.Visible(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Leaderboard_BeforeAnyQuiz_SaysHowToScheduleOne()
    {
        await ChannelFlow()
            .Send(ChannelMessage("<at>CoachBot</at> leaderboard", "29:ana", "Ana"))
            .AssertReply(a => Assert.StartsWith("No quiz here yet.", Transcript.Visible(a)))
            .StartTestAsync();
    }

    private Task FireAsync(string kind, string id, DateTimeOffset due) => Runner.RunOnceAsync(kind, id, due);

    private List<(string Kind, StudyPlace Place, string? Target, Core.Messages.CoachMessage Message)> Privates(string heading) =>
        [.. _services.Messenger.Sent.Where(s => s.Kind == "private" && Text(s.Message).StartsWith(heading, StringComparison.Ordinal))];

    private static string Text(Core.Messages.CoachMessage message) => message.ToPlainText();

    private async Task PrivateAnswerAsync(string userId, string name, string text, string receipt) =>
        await new TestFlow(new IdPreservingTestAdapter(Channels.Msteams), _services.Bot)
            .Send(PrivateMessage(userId, name, text))
            .AssertReply(a => Assert.Equal(receipt, Transcript.Visible(a)))
            .StartTestAsync();

    private TestFlow ChannelFlow() => new(
        new IdPreservingTestAdapter(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) },
        _services.Bot);

    private static Activity PrivateMessage(string userId, string name, string text) =>
        IdPreservingTestAdapter.InConversation(
            new Activity(ActivityTypes.Message) { Text = text, From = new ChannelAccount(userId, name) },
            new ConversationAccount(isGroup: false, conversationType: "personal", id: $"a:1on1-{userId}"));

    private static Activity ChannelMessage(string text, string userId, string? name = null)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text,
            From = new ChannelAccount(userId, name ?? userId),
            Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = "bot" }, text = "<at>CoachBot</at>" }) }],
        };
        return InChannel(activity, Channel);
    }

    /// <summary>The announcement's Join button: an Action.Submit in the post's thread carrying <c>{ command: "join" }</c>.</summary>
    private static Activity JoinButton(string userId, string name) =>
        InChannel(new Activity(ActivityTypes.Message) { From = new ChannelAccount(userId, name), Value = JObject.FromObject(new { command = "join" }) }, $"{Channel};messageid=1");

    private static Activity InChannel(Activity activity, string conversationId)
    {
        activity.ChannelData = JObject.FromObject(new { team = new { id = "team-1" }, channel = new { id = Channel, name = "quiz" }, tenant = new { id = "tenant-1" } });
        return IdPreservingTestAdapter.InConversation(activity, new ConversationAccount(isGroup: true, conversationType: "channel", id: conversationId));
    }
}
