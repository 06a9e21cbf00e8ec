using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Adapter;

/// <summary>
/// Replies within turns keep to the platforms' per-conversation limits, through the real host and the loopback Bot
/// Connector: many turns of one conversation at once do not put more than Teams' 7 messages in a second (Slack: 1).
/// Only lower bounds on time are asserted: every reply past the limit arrives at least a window after the turns began.
/// </summary>
public sealed class ConnectorLimitOverHttpTests : LoopbackTest
{
    [Fact]
    public async Task TenTurnsOfOneTeamsConversationAtOnce_RepliesPastTheSeventhWaitForTheNextSecond()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:busy-conversation");

        var began = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.PostActivityAsync(teams.Message("help", id: $"busy-{i}"))));
        var replies = await Connector.WaitForAsync(teams.ConversationId, 10, TimeSpan.FromSeconds(30));

        var arrivals = Connector.Requests.Where(r => r.Target == teams.ConversationId && r.Status == 200).Select(r => r.At).Order().ToList();
        Assert.True(replies.Count == 10, $"{replies.Count} replies: {string.Join(" | ", replies.Select(r => r.VisibleText[..Math.Min(60, r.VisibleText.Length)]))}");
        Assert.DoesNotContain(replies, r => r.VisibleText.Contains("went wrong", StringComparison.Ordinal)); // ten racing turns all save
        Assert.True(arrivals[7] - began >= TimeSpan.FromSeconds(1), $"the 8th reply came {(arrivals[7] - began).TotalMilliseconds} ms after the turns began");
    }

    [Fact]
    public async Task ThreeTurnsOfOneSlackChannelAtOnce_RepliesComeOnePerSecond()
    {
        await using var host = await TestHost.StartAsync(Db);
        var slack = new ActivityBuilder("slack", Connector.ServiceUrl, "B1:T1:C-busy", "U1:T1");

        var began = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => host.PostActivityAsync(slack.Message("help", id: $"slack-busy-{i}"))));
        await Connector.WaitForAsync(slack.ConversationId, 3, TimeSpan.FromSeconds(30));

        var arrivals = Connector.Requests.Where(r => r.Target == slack.ConversationId && r.Status == 200).Select(r => r.At).Order().ToList();
        Assert.True(arrivals[1] - began >= TimeSpan.FromSeconds(1), $"the 2nd reply came {(arrivals[1] - began).TotalMilliseconds} ms after the turns began");
        Assert.True(arrivals[2] - began >= TimeSpan.FromSeconds(2), $"the 3rd reply came {(arrivals[2] - began).TotalMilliseconds} ms after the turns began");
    }
}
