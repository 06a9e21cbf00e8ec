using CoachBot.Bot.Handlers;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Tests.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>Turns as the metrics and traces see them: counted by channel, kind and outcome, and a span per turn.</summary>
public sealed class TurnTelemetryTests : IAsyncLifetime
{
    private const string Answer = "Security protects customer trust: fraud checks cut account takeovers from 1.2% to 0.7% last year.";

    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private CoachBotMeter Meter => _services.Provider.GetRequiredService<CoachBotMeter>();

    [Fact]
    public async Task Turns_MessageThenItsRedelivery_CountedOkThenDuplicate_EachWithADuration()
    {
        using var metrics = new MetricCapture(Meter.Meter);

        await Flow(Channels.Msteams)
            .Send(IdPreservingTestAdapter.WithId(new Activity(ActivityTypes.Message) { Text = "help" }, "m-1")).AssertReply(_ => { })
            .Send(IdPreservingTestAdapter.WithId(new Activity(ActivityTypes.Message) { Text = "help" }, "m-1"))
            .StartTestAsync();

        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "msteams"), ("kind", "message"), ("outcome", "ok")));
        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "msteams"), ("kind", "message"), ("outcome", "duplicate")));
        Assert.Equal(2, metrics.Of("coachbot.turn.duration", ("channel", "msteams"), ("kind", "message")).Count);
    }

    [Fact]
    public async Task Turns_EditAndMembersAdded_CountedWithTheirKinds()
    {
        using var metrics = new MetricCapture(Meter.Meter);
        var joined = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("user1", "User")] };

        await Flow(Channels.Slack)
            .Send(joined).AssertReply(_ => { })
            .Send(new Activity(ActivityTypes.MessageUpdate) { Text = "edited" })
            .StartTestAsync();

        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "slack"), ("kind", "conversationUpdate"), ("outcome", "ok")));
        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "slack"), ("kind", "edit"), ("outcome", "ok")));
    }

    [Fact]
    public async Task Answer_TurnSpanHasTheGradeAsItsChild_AndNoSpanCarriesTheAnswer()
    {
        var adapter = Adapter(Channels.Msteams);
        await new TestFlow(adapter, _services.Bot)
            .Send("practice").AssertReply(_ => { })
            .StartTestAsync();
        using var spans = new SpanCapture();

        await new TestFlow(adapter, _services.Bot).Send(Answer).AssertReply(a => Assert.Contains("Your score", Transcript.Visible(a))).StartTestAsync();

        var turn = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.turn");
        Assert.Equal(spans.Root.SpanId, turn.ParentSpanId);
        Assert.Equal("msteams", turn.GetTagItem("coachbot.channel"));
        Assert.Equal("message", turn.GetTagItem("coachbot.turn.kind"));
        Assert.Equal("ok", turn.GetTagItem("coachbot.turn.outcome"));
        var grade = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.grade");
        Assert.Equal(turn.SpanId, grade.ParentSpanId);
        Assert.Equal("rubric-v1", grade.GetTagItem("coachbot.grader"));
        Assert.All(spans.Spans, s => Assert.DoesNotContain(s.TagObjects, t => t.Value is string v && v.Contains("takeovers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MeasureAsync_TurnThrows_CountedAsErrorAndSpanFailedWithTheExceptionTypeOnly()
    {
        using var metrics = new MetricCapture(Meter.Meter);
        using var spans = new SpanCapture();
        var sut = _services.Provider.GetRequiredService<TurnTelemetry>();
        using var turnContext = new TurnContext(new TestAdapter(Channels.Webchat), new Activity(ActivityTypes.Message) { ChannelId = Channels.Webchat, Text = Answer });

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.MeasureAsync(turnContext, () => throw new InvalidOperationException("quoting " + Answer)));

        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "webchat"), ("kind", "message"), ("outcome", "error")));
        var span = Assert.Single(spans.Spans);
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem("error.type"));
        Assert.Null(span.StatusDescription);
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task MeasureAsync_UnknownChannelId_TaggedOther()
    {
        using var metrics = new MetricCapture(Meter.Meter);
        var sut = _services.Provider.GetRequiredService<TurnTelemetry>();
        using var turnContext = new TurnContext(new TestAdapter("made-up-channel-42"), new Activity(ActivityTypes.Invoke) { ChannelId = "made-up-channel-42" });

        await sut.MeasureAsync(turnContext, () => Task.CompletedTask);

        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "other"), ("kind", "other"), ("outcome", "ok")));
    }

    private TestFlow Flow(string channel) => new(Adapter(channel), _services.Bot);

    private static IdPreservingTestAdapter Adapter(string channel) =>
        new(channel) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };
}
