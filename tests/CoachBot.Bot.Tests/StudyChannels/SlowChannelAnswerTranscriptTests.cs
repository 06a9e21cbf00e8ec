using CoachBot.Core.Admin;
using CoachBot.Bot.Handlers;
using CoachBot.Core.Channels;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.StudyChannels.ChannelActivities;
using Transcript = CoachBot.Bot.Tests.Handlers.Transcript;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// An answer in a Teams channel thread graded by a slow LLM: the turn ends by the deadline with nothing said in the
/// channel (no typing, no "feedback follows"), and the feedback still arrives, privately or, with <c>feedback public</c>,
/// in the question's thread. A fast grade still comes back in the turn.
/// </summary>
public sealed class SlowChannelAnswerTranscriptTests : IAsyncLifetime
{
    private const string Admin = "29:admin";
    private const string Answer = "Customer trust is the asset: MFA by default cut account takeovers from 40,000 to 9,000 a month.";
    // Only turns a hang into a failure: never a measurement, so generous for a loaded machine.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly FakeLlmGrader _llm = new();

    // What a slow turn's grade waits for: set by the test once it has seen what happens before the grade is ready.
    private readonly TaskCompletionSource _gradeReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
    {
        services.Configure<AdminOptions>(o => o.Users.Add(Admin));
        _llm.ReplaceGraderIn(services);
    });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SlowReplyDelivery Delivery => _services.Provider.GetRequiredService<SlowReplyDelivery>();

    [Fact]
    public async Task SlowAnswer_PrivateFeedback_TurnEndsWithNothingInTheChannel_FeedbackArrivesPrivately()
    {
        var prompt = await RunNowAsync(publicFeedback: false);
        var adapter = Adapter();

        await SlowTurnAsync(adapter, Message(Answer, prompt.ThreadId!, "29:ana", "Ana"));

        Assert.DoesNotContain(_services.Messenger.Sent, s => s.Kind == "private");
        var before = $"before the grade: {_llm.Calls} grader call(s), {Delivery.PendingCount} deferred";
        _gradeReady.SetResult();

        // The outcome, not the bookkeeping: the private feedback, or anything said in the thread instead (a failure).
        await Transcript.WaitUntilAsync(() => _services.Messenger.Sent.Any(s => s.Kind == "private") || adapter.ActiveQueue.Count > 0, HangGuard);

        before += $"; pending now {Delivery.PendingCount}; prompt {prompt.Id} thread {prompt.ThreadId}; answers stored {(await _services.Provider.GetRequiredService<IStudyChannelStore>().GetAnswersAsync(prompt.Id)).Count}";
        await Transcript.EventuallyAsync(() => Delivery.PendingCount == 0, HangGuard, "finished delivery");
        Assert.True(
            _services.Messenger.Sent.Any(s => s.Kind == "private"),
            $"no private feedback; {before}; after: {_llm.Calls} call(s), sent [{string.Join(", ", _services.Messenger.Sent.Select(s => s.Kind))}], " +
            $"in the thread [{string.Join(" | ", adapter.ActiveQueue.Select(Transcript.Visible))}]");
        var feedback = Assert.Single(_services.Messenger.Sent, s => s.Kind == "private");
        Assert.Equal("29:ana", feedback.Target);
        Assert.Contains("Your score: 77/100", feedback.Message.ToPlainText(), StringComparison.Ordinal);
        Assert.Empty(adapter.ActiveQueue); // and nothing in the channel afterwards either
    }

    [Fact]
    public async Task SlowAnswer_PublicFeedback_TurnEndsWithNothingInTheChannel_FeedbackPostedInTheThreadLater()
    {
        var prompt = await RunNowAsync(publicFeedback: true);
        var adapter = Adapter();

        await SlowTurnAsync(adapter, Message(Answer, prompt.ThreadId!, "29:ana", "Ana"));
        _gradeReady.SetResult();

        await AssertPostedInTheThreadLaterAsync(adapter, prompt, "Ana, your score: 77/100");
        Assert.DoesNotContain(_services.Messenger.Sent, s => s.Kind == "private");
    }

    [Fact]
    public async Task SlowAnswer_PrivateMessageRefused_NoticeArrivesInTheThreadLater()
    {
        var prompt = await RunNowAsync(publicFeedback: false);
        _services.Messenger.NextOutcome = SendOutcome.Blocked;
        var adapter = Adapter();

        await SlowTurnAsync(adapter, Message(Answer, prompt.ThreadId!, "29:ana", "Ana"));
        _gradeReady.SetResult();

        await AssertPostedInTheThreadLaterAsync(adapter, prompt, "I graded your answer but couldn't message you privately.");
    }

    [Fact]
    public async Task SlowEdit_PublicFeedback_RegradePostedInTheThreadLater()
    {
        var prompt = await RunNowAsync(publicFeedback: true);
        var answer = IdPreservingTestAdapter.WithId(Message(Answer, prompt.ThreadId!, "29:ana", "Ana"), "answer-1");
        var edit = IdPreservingTestAdapter.WithId(Message(Answer + " Checkout stayed fast.", prompt.ThreadId!, "29:ana", "Ana"), "answer-1");
        edit.Type = ActivityTypes.MessageUpdate;
        await new TestFlow(Adapter(), _services.Bot).Send(answer).AssertReply(a => Assert.StartsWith("Ana, your score: ", Transcript.Visible(a), StringComparison.Ordinal)).StartTestAsync();
        var adapter = Adapter();

        await SlowTurnAsync(adapter, edit);
        _gradeReady.SetResult();

        await AssertPostedInTheThreadLaterAsync(adapter, prompt, "Ana, re-graded your edited answer: ");
    }

    [Fact]
    public async Task FastAnswer_PublicFeedback_ComesBackInTheTurn()
    {
        var prompt = await RunNowAsync(publicFeedback: true);
        _llm.Delay = TimeSpan.Zero;

        await new TestFlow(Adapter(), _services.Bot)
            .Send(Message(Answer, prompt.ThreadId!, "29:ana", "Ana"))
            .AssertReply(a => Assert.StartsWith("Ana, your score: 77/100", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(0, Delivery.PendingCount);
        Assert.Equal(1, _llm.Calls);
    }

    private async Task<DailyPrompt> RunNowAsync(bool publicFeedback)
    {
        var flow = new TestFlow(Adapter(), _services.Bot);
        if (publicFeedback)
        {
            flow = flow.Send(Message("<at>CoachBot</at> feedback public", Channel, Admin)).AssertReply(a => Assert.Contains("in the question's thread", Transcript.Visible(a)));
        }

        await flow.Send(Message("<at>CoachBot</at> run now", Channel, Admin)).StartTestAsync();
        return Assert.Single(await _services.Provider.GetRequiredService<IStudyChannelStore>().GetPromptsAsync($"msteams:{Channel}"));
    }

    /// <summary>
    /// Sends <paramref name="activity"/> with a grade held until the test sets <see cref="_gradeReady"/>: the turn must
    /// end before the grade, saying nothing. A turn that waited for the grade would never end (WaitAsync throws).
    /// </summary>
    private async Task SlowTurnAsync(TestAdapter adapter, Activity activity)
    {
        _llm.Hold = _gradeReady.Task;
        await new TestFlow(adapter, _services.Bot).Send(activity).StartTestAsync().WaitAsync(HangGuard);

        Assert.Empty(adapter.ActiveQueue); // no typing indicator, no "feedback follows"
    }

    /// <summary>The next reply, sent proactively after the turn: in the question's thread, starting with <paramref name="start"/>.</summary>
    private static async Task AssertPostedInTheThreadLaterAsync(TestAdapter adapter, DailyPrompt prompt, string start)
    {
        var reply = await Transcript.NextReplyAsync(adapter, HangGuard);
        Assert.StartsWith(start, Transcript.Visible(reply), StringComparison.Ordinal);
        Assert.Equal(prompt.ThreadId, reply.Conversation.Id);
    }

    private static IdPreservingTestAdapter Adapter() =>
        new(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };
}
