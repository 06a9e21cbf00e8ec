using CoachBot.Bot.Handlers;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.Tests.Diagnostics;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>
/// The chat side of an LLM grader: a slow grade does not hold the turn (typing, "feedback follows",
/// then the feedback as a proactive message), a failed one falls back to the quick grader, and a
/// repeated answer comes from the grade cache.
/// </summary>
public sealed class LlmGradingTranscriptTests : IAsyncLifetime
{
    private const string Answer =
        "Customer trust is the asset: we made MFA a safe default for 200 million customers, which cut account takeovers " +
        "from 40,000 to 9,000 a month while checkout stayed as fast as before.";

    // Only turns a hang into a failure: never a measurement, so generous for a loaded machine.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly FakeLlmGrader _llm = new();
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(_llm.ReplaceGraderIn);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Answer_GradeSlowerThanDeadline_TypingThenFollowsThenProactiveFeedback()
    {
        var gradeReady = HoldTheGrade();
        var adapter = Adapter();
        await new TestFlow(adapter, _services.Bot)
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer)
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.Contains("your feedback will follow here shortly", Transcript.Visible(a)))
            .StartTestAsync()
            .WaitAsync(HangGuard); // the grade is held until the turn is over: a turn that waited for it would never end
        gradeReady.SetResult();

        var feedback = await Transcript.NextReplyAsync(adapter, HangGuard);
        Assert.Contains("Your score: ", Transcript.Visible(feedback));
        Assert.DoesNotContain(PracticeMessages.QuickGraderNote, Transcript.Visible(feedback));

        var attempt = Assert.Single(await _services.Store.GetAttemptsAsync("msteams:user1"));
        Assert.Equal(FakeLlmGrader.GraderName, attempt.Grade.Grader);
    }

    [Fact]
    public async Task StopAsync_FeedbackStillPending_WaitsForItAndDeliversIt()
    {
        var gradeReady = HoldTheGrade();
        var adapter = Adapter();
        await new TestFlow(adapter, _services.Bot)
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer)
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.Contains("your feedback will follow here shortly", Transcript.Visible(a)))
            .StartTestAsync()
            .WaitAsync(HangGuard);
        var delivery = _services.Provider.GetRequiredService<SlowReplyDelivery>();
        Assert.Equal(1, delivery.PendingCount);

        var stopping = delivery.StopAsync(CancellationToken.None); // what the host does on shutdown
        Assert.False(stopping.IsCompleted, "StopAsync returned while the feedback was still pending");
        gradeReady.SetResult();
        await stopping.WaitAsync(HangGuard);

        var late = Assert.Single(adapter.ActiveQueue);
        Assert.Contains("Your score: 77/100", Transcript.Visible(late));
    }

    [Fact]
    public async Task Answer_GradeSlowerThanDeadline_DeferredReplyCountedAndTracedUnderTheTurn()
    {
        var gradeReady = HoldTheGrade();
        using var metrics = new MetricCapture(_services.Provider.GetRequiredService<CoachBotMeter>().Meter);
        var adapter = Adapter();
        await new TestFlow(adapter, _services.Bot).Send("practice").AssertReply(_ => { }).StartTestAsync();
        using var spans = new SpanCapture();

        await new TestFlow(adapter, _services.Bot)
            .Send(Answer)
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.Contains("your feedback will follow here shortly", Transcript.Visible(a)))
            .StartTestAsync()
            .WaitAsync(HangGuard);
        gradeReady.SetResult();
        await Transcript.NextReplyAsync(adapter, HangGuard);
        await Transcript.EventuallyAsync(() => spans.Spans.Any(s => s.OperationName == "coachbot.send"), HangGuard, "send span");

        Assert.Equal(1, metrics.Sum("coachbot.deliveries", ("kind", SlowReplyDelivery.DeliveryKind), ("outcome", "sent")));
        var turn = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.turn");
        var grade = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.grade");
        var send = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.send");
        Assert.Equal(turn.SpanId, grade.ParentSpanId);
        Assert.Equal(turn.SpanId, send.ParentSpanId);
        Assert.Equal(FakeLlmGrader.GraderName, grade.GetTagItem("coachbot.grader"));
        Assert.Equal(77, grade.GetTagItem("coachbot.grade.score"));
        Assert.Equal(SlowReplyDelivery.DeliveryKind, send.GetTagItem("coachbot.send.kind"));
        Assert.Equal("sent", send.GetTagItem("coachbot.send.outcome"));
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutReached_UnfinishedGradeDroppedWithoutTellingTheUserItFailed()
    {
        _llm.Delay = TimeSpan.FromSeconds(30);
        using var metrics = new MetricCapture(_services.Provider.GetRequiredService<CoachBotMeter>().Meter);
        var adapter = Adapter();
        await new TestFlow(adapter, _services.Bot)
            .Send("practice").AssertReply(_ => { })
            .Send(Answer)
            .AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type))
            .AssertReply(a => Assert.Contains("your feedback will follow here shortly", Transcript.Visible(a)))
            .StartTestAsync();
        var delivery = _services.Provider.GetRequiredService<SlowReplyDelivery>();

        await delivery.StopAsync(new CancellationToken(canceled: true)); // the host's shutdown timeout is already over
        await Transcript.EventuallyAsync(() => delivery.PendingCount == 0, TimeSpan.FromSeconds(5), "abandoned delivery");

        Assert.Empty(adapter.ActiveQueue); // no "something went wrong": the grade did not fail, the process stopped
        Assert.Empty(metrics.Of("coachbot.deliveries"));
    }

    [Fact]
    public async Task Answer_GradeWithinTypingDelay_FeedbackInTheTurnWithoutTyping()
    {
        _llm.Delay = TimeSpan.Zero;
        _llm.UseGenerousDeadlines();
        await Flow()
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a => Assert.Contains("Your score: ", Transcript.Visible(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answer_LlmUnavailable_QuickGraderFeedbackSaysSo()
    {
        _llm.Fail = true;
        _llm.UseGenerousDeadlines();
        await Flow()
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a =>
            {
                Assert.Contains("Your score: ", Transcript.Visible(a));
                Assert.Contains(PracticeMessages.QuickGraderNote, Transcript.Visible(a));
            })
            .StartTestAsync();

        var attempt = Assert.Single(await _services.Store.GetAttemptsAsync("msteams:user1"));
        Assert.True(attempt.Grade.IsFallback);
        Assert.Equal(RubricGrader.GraderName, attempt.Grade.Grader);
    }

    [Fact]
    public async Task Answer_SameAnswerTwice_SecondGradeComesFromTheCache()
    {
        await Flow()
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a => Assert.Contains("Your score: 77/100", Transcript.Visible(a)))
            .Send("retry").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a => Assert.Contains("Your score: 77/100", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Equal(1, _llm.Calls);
    }

    [Fact]
    public async Task Forget_AfterLlmGrade_DeletesTheCachedGrade()
    {
        await Flow()
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a => Assert.Contains("Your score: ", Transcript.Visible(a)))
            .Send("forget me").AssertReply(_ => { })
            .Send("forget me confirm").AssertReply(_ => { })
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Transcript.Visible(a)))
            .Send(Answer).AssertReply(a => Assert.Contains("Your score: ", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Equal(2, _llm.Calls);
    }

    private TestFlow Flow() => new(Adapter(), _services.Bot);

    /// <summary>Holds the next grade until the returned source is set: later than the chat's reply deadline, however slow the machine.</summary>
    private TaskCompletionSource HoldTheGrade()
    {
        var gradeReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _llm.Hold = gradeReady.Task;
        return gradeReady;
    }

    private static IdPreservingTestAdapter Adapter() =>
        new(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };
}
