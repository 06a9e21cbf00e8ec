using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.StudyChannels.ChannelActivities;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// A Slack channel through Azure Bot Service: a reply in the question's thread is an answer without mentioning the
/// bot (matched on the event's <c>thread_ts</c>); top-level chatter and other threads are never graded.
/// </summary>
public sealed class SlackChannelTranscriptTests : IAsyncLifetime
{
    private const string Admin = "U0ADMIN:T0TEAM";
    private const string Ana = "U0ANA:T0TEAM";
    private const string Good =
        "Security protects customer trust: we rolled out passkeys with self-service guardrails for millions of customers, and account " +
        "takeovers fell from 1.2% to 0.4% of logins while checkout stayed fast across every region.";

    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
        services.Configure<AdminOptions>(o => o.Users.Add(Admin)));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IStudyChannelStore Store => _services.Provider.GetRequiredService<IStudyChannelStore>();

    [Fact]
    public async Task RunNow_PromptKeepsTheSlackPostsTs()
    {
        var prompt = await RunNowAsync();

        Assert.Equal(RecordingMessenger.SlackTs(1), prompt.PostId);
        Assert.Equal(SlackChannel, prompt.ThreadId);
    }

    [Fact]
    public async Task ThreadReplyWithoutMention_IsGradedAndTheFeedbackSentPrivately()
    {
        var prompt = await RunNowAsync();
        var adapter = Adapter();

        await new TestFlow(adapter, _services.Bot).Send(SlackMessage(Good, Ana, "1767254460.000200", threadTs: prompt.PostId)).StartTestAsync();

        var answer = Assert.Single(await Store.GetAnswersAsync(prompt.Id));
        Assert.Equal(("slack:" + Ana, Good), (answer.UserKey, answer.Answer));
        var feedback = Assert.Single(_services.Messenger.Sent, s => s.Kind == "private");
        Assert.Equal(Ana, feedback.Target);
        Assert.Contains("Your score: ", feedback.Message.ToPlainText(), StringComparison.Ordinal);
        Assert.Empty(adapter.ActiveQueue); // nothing said in the channel
    }

    [Fact]
    public async Task TopLevelMessageWithoutMention_IsIgnored()
    {
        var prompt = await RunNowAsync();
        var adapter = Adapter();

        await new TestFlow(adapter, _services.Bot)
            .Send(SlackMessage(Good, Ana, "1767254460.000300"))
            .Send(SlackMessage("lunch anyone?", Ana, "1767254460.000400"))
            .StartTestAsync();

        await AssertNothingGradedAsync(prompt, adapter);
    }

    [Fact]
    public async Task ReplyInAnotherThreadWithoutMention_IsIgnored()
    {
        var prompt = await RunNowAsync();
        var adapter = Adapter();

        await new TestFlow(adapter, _services.Bot).Send(SlackMessage(Good, Ana, "1767254460.000500", threadTs: "1767254455.000001")).StartTestAsync();

        await AssertNothingGradedAsync(prompt, adapter);
    }

    [Fact]
    public async Task TopLevelMessageMentioningTheBot_IsStillAnAnswer()
    {
        var prompt = await RunNowAsync();

        await new TestFlow(Adapter(), _services.Bot).Send(SlackMessage(Good, Ana, "1767254460.000600", mention: true)).StartTestAsync();

        Assert.Equal(Good, Assert.Single(await Store.GetAnswersAsync(prompt.Id)).Answer);
    }

    private async Task<DailyPrompt> RunNowAsync()
    {
        await new TestFlow(Adapter(), _services.Bot).Send(SlackMessage("run now", Admin, "1767254400.000050", mention: true)).StartTestAsync();
        var post = Assert.Single(_services.Messenger.Sent);
        Assert.Equal(("post", PlaceKind.SlackChannel), (post.Kind, post.Place.Kind));
        return Assert.Single(await Store.GetPromptsAsync($"slack:{SlackChannel}"));
    }

    private async Task AssertNothingGradedAsync(DailyPrompt prompt, TestAdapter adapter)
    {
        Assert.Empty(await Store.GetAnswersAsync(prompt.Id));
        Assert.DoesNotContain(_services.Messenger.Sent, s => s.Kind == "private");
        Assert.Empty(adapter.ActiveQueue);
    }

    private static IdPreservingTestAdapter Adapter() =>
        new(Channels.Slack) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };
}
