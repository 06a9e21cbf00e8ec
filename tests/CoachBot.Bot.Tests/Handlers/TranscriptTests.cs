using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>
/// The 1:1 flow as transcripts through the SDK's TestAdapter/TestFlow, per channel: what each kind of
/// user actually sees (card text on Teams/Emulator, mrkdwn on Slack).
/// </summary>
public sealed class TranscriptTests : IAsyncLifetime
{
    private const string Strong =
        "Security protects customer trust, which is Amazon's most valuable asset. Every control we ship either improves the " +
        "customer experience or protects the trust that 200M+ customers place in us daily. For example, our fraud detection " +
        "prevented $2 billion in customer losses last year, down from $3 billion, while keeping purchasing seamless, and " +
        "self-service guardrails let teams launch faster across every region.";

    private const string Generic = "Security protects data and prevents breaches.";

    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Slack)]
    public async Task FullSession_QuestionFeedbackRetryExampleProgressStop(string channel)
    {
        await Flow(channel)
            .Send("<at>CoachBot</at> Practice!")
            .AssertReply(a => Assert.Contains("Question 1 of 4", Visible(a)))
            .Send(Generic)
            .AssertReply(a =>
            {
                Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), Visible(a));
                Assert.Contains("Missing", Visible(a));
                Assert.Contains("Tip:", Visible(a));
            })
            .Send("example")
            .AssertReply(a => Assert.Contains("no example answer", Visible(a)))
            .Send("retry")
            .AssertReply(a => Assert.Contains("How does security relate to customer trust at Amazon?", Visible(a)))
            .Send(Strong)
            .AssertReply(a => Assert.Matches(new Regex(@"\+\d+ since your last try; .+ went from Missing to (Mentioned|Solid|Strong)"), Visible(a)))
            .Send("next")
            .AssertReply(a => Assert.Contains("Question 2 of 4", Visible(a)))
            .Send("progress")
            .AssertReply(a =>
            {
                Assert.Contains("Attempts: 2", Visible(a));
                Assert.Contains("Weakest area:", Visible(a));
            })
            .Send("STOP.")
            .AssertReply(a => Assert.StartsWith("Session ended: 2 answers", Visible(a).Replace("*", string.Empty, StringComparison.Ordinal)))
            .StartTestAsync();
    }

    [Fact]
    public async Task InstallationUpdateAdd_SendsTheWelcomeOnce()
    {
        var install = new Activity(ActivityTypes.InstallationUpdate) { Action = "add" };
        await Flow(Channels.Msteams)
            .Send(install).AssertReply(a => Assert.Contains("Amazon-Specific Preparation - Customer Trust Focus", Visible(a)))
            .Send(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" }).AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Example_BeforeAnyAttempt_IsRefused()
    {
        await Flow(Channels.Msteams)
            .Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Visible(a)))
            .Send("example").AssertReply(a => Assert.Contains("Give it a try first", Visible(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Next_NeverRepeatsUntilExhausted_ThenLowestScoringFirst()
    {
        var flow = Flow(Channels.Msteams).Send("practice").AssertReply(a => Assert.Contains("Question 1 of 4", Visible(a)));
        flow = flow.Send(Strong).AssertReply(_ => { });
        for (var i = 2; i <= 4; i++)
        {
            var n = i;
            flow = flow.Send("next").AssertReply(a => Assert.Contains($"Question {n} of 4", Visible(a)));
            flow = flow.Send(n == 3 ? "ok" : Strong).AssertReply(_ => { });
        }

        // Question 3 got the lowest score ("ok"), so it comes back first.
        await flow.Send("next").AssertReply(a =>
        {
            Assert.Contains("Question 3 of 4", Visible(a));
            Assert.Contains("lowest-scoring", Visible(a));
        }).StartTestAsync();
    }

    [Fact]
    public async Task Example_AfterAnAttemptAtTheScenario_ShowsTheDocumentsStrongAnswer()
    {
        await Flow(Channels.Msteams)
            .Send("practice").AssertReply(_ => { })
            .Send("next").AssertReply(_ => { })
            .Send("next").AssertReply(_ => { })
            .Send("next").AssertReply(a => Assert.Contains("Explain why security is important at Amazon", Visible(a)))
            .Send(Generic).AssertReply(a => Assert.Contains("generic", Visible(a)))
            .Send("example").AssertReply(a =>
            {
                Assert.Contains("Security protects customer trust, which is Amazon's most valuable asset.", Visible(a));
                Assert.Contains("while maintaining seamless purchasing experience.", Visible(a));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task UnknownText_WithNoOpenQuestion_GetsAOneLineHint()
    {
        await Flow(Channels.Msteams)
            .Send("what is this").AssertReply(a => Assert.Contains("Type help", Visible(a)))
            .Send(new string('x', 6000)).AssertReply(a => Assert.Contains("Type help", Visible(a)))
            .Send("help").AssertReply(a =>
            {
                foreach (var command in new[] { "practice / start", "next", "retry", "example", "stop", "progress", "forget me" })
                {
                    Assert.Contains(command, Visible(a));
                }
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ForgetMe_AsksFirst_ThenDeletesEverything()
    {
        await Flow(Channels.Msteams)
            .Send("practice").AssertReply(_ => { })
            .Send(Strong).AssertReply(_ => { })
            .Send("forget me").AssertReply(a =>
            {
                Assert.Contains("forget me confirm", Visible(a));
                Assert.Contains("forget me confirm", ((JObject)a.AsMessageActivity().Attachments[0].Content).ToString());
            })
            .StartTestAsync();
        Assert.Single(await _services.Store.GetAttemptsAsync("msteams:user1"));

        await Flow(Channels.Msteams)
            .Send(new Activity(ActivityTypes.Message) { Value = new JObject { ["command"] = "forget me confirm" } })
            .AssertReply(a => Assert.Contains("I deleted 1 answer, 1 session", Visible(a)))
            .Send("progress").AssertReply(a => Assert.Contains("No attempts yet", Visible(a)))
            .StartTestAsync();
        Assert.Empty(await _services.Store.GetAttemptsAsync("msteams:user1"));
    }

    [Fact]
    public async Task EditedAnswer_OnTheLatestAttempt_IsRegraded()
    {
        var adapter = Adapter(Channels.Msteams);
        await new TestFlow(adapter, _services.Bot)
            .Send("practice").AssertReply(_ => { })
            .Send(IdPreservingTestAdapter.WithId(new Activity(ActivityTypes.Message) { Text = Generic }, "answer-1")).AssertReply(_ => { })
            .Send(IdPreservingTestAdapter.WithId(new Activity(ActivityTypes.MessageUpdate) { Text = Strong }, "answer-1"))
            .AssertReply(a => Assert.Contains("Re-graded your edited answer", Visible(a)))
            .StartTestAsync();
        var attempt = Assert.Single(await _services.Store.GetAttemptsAsync("msteams:user1"));
        Assert.Equal(Strong, attempt.Answer);
        Assert.NotNull(attempt.UpdatedAt);
    }

    [Fact]
    public async Task SlackReplies_AreMrkdwnText_WithoutCards()
    {
        await Flow(Channels.Slack)
            .Send("practice")
            .AssertReply(a =>
            {
                Assert.Null(a.AsMessageActivity().Attachments?.FirstOrDefault());
                Assert.Contains("> How does security relate", a.AsMessageActivity().Text);
                Assert.Contains("`next`", a.AsMessageActivity().Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task StateSurvivesARestart_TheOpenQuestionIsStillOpen()
    {
        var adapter = Adapter(Channels.Emulator);
        await new TestFlow(adapter, _services.Bot).Send("practice").AssertReply(_ => { }).StartTestAsync();
        await _services.RestartAsync();
        await new TestFlow(adapter, _services.Bot)
            .Send(Strong).AssertReply(a => Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), Visible(a)))
            .StartTestAsync();
    }

    private TestFlow Flow(string channel) => new(Adapter(channel), _services.Bot);

    private static IdPreservingTestAdapter Adapter(string channel) =>
        new(channel) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };

    private static string Visible(IActivity activity) => Transcript.Visible(activity);
}
