using CoachBot.Core.Diagnostics;
using CoachBot.Core.Tests.Diagnostics;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Adapter;

/// <summary>
/// A turn's replies through the real host and the loopback Bot Connector when the connector answers "try again":
/// the reply is retried (after <c>Retry-After</c>) and reaches the user, every 429 is counted, the retries end, and
/// a wait longer than a turn can afford is not waited for.
/// </summary>
public sealed class ConnectorRetryOverHttpTests : LoopbackTest
{
    [Fact]
    public async Task TurnReply_Answered429WithRetryAfter_IsSentAgainAfterTheWait_AndCounted()
    {
        await using var host = await TestHost.StartAsync(Db);
        using var metrics = new MetricCapture(host.Services.GetRequiredService<CoachBotMeter>().Meter);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:throttled-reply");
        Connector.FailNext(1, 429, TimeSpan.FromSeconds(1), target: teams.ConversationId, code: "TooManyRequests");

        var reply = await SendAsync(host, teams, teams.Message("help"), 1);
        var scrape = await (await host.Client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("practice", reply.VisibleText, StringComparison.Ordinal); // the help text, not "something went wrong"
        var attempts = Connector.Requests.Where(r => r.Target == teams.ConversationId).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(990), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(1, metrics.Sum("coachbot.connector.throttled", ("host", "127.0.0.1")));
        Assert.Contains("coachbot_connector_throttled_total{", scrape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task TurnReply_AnsweredATransientStatus_IsSentAgain(int status)
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, $"a:transient-{status}");
        Connector.FailNext(1, status, target: teams.ConversationId);

        var reply = await SendAsync(host, teams, teams.Message("help"), 1);

        Assert.Contains("practice", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal([status, 200], Connector.Requests.Where(r => r.Target == teams.ConversationId).Select(r => r.Status));
    }

    [Fact]
    public async Task TurnReply_ThrottledOnEveryAttempt_StopsAfterThreeAttempts()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:always-throttled");
        Connector.FailNext(3, 429, TimeSpan.Zero, target: teams.ConversationId, code: "TooManyRequests");

        await host.PostActivityAsync(teams.Message("help"));
        var after = await Connector.WaitForAsync(teams.ConversationId, 1); // the turn's error message, once the throttling is over

        Assert.Equal([429, 429, 429], Connector.Requests.Where(r => r.Target == teams.ConversationId).Take(3).Select(r => r.Status));
        Assert.DoesNotContain(after, a => a.VisibleText.Contains("practice", StringComparison.Ordinal)); // the help reply was given up
    }

    [Fact]
    public async Task TurnReply_RetryAfterLongerThanATurnCanWait_IsNotWaitedFor()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:long-retry-after");
        Connector.FailNext(1, 429, TimeSpan.FromSeconds(30), target: teams.ConversationId, code: "TooManyRequests");

        await host.PostActivityAsync(teams.Message("help")).WaitAsync(TimeSpan.FromSeconds(25)); // a 30 s wait would not end in time

        Assert.Equal(429, Connector.Requests.First(r => r.Target == teams.ConversationId).Status);
        Assert.DoesNotContain(Connector.Activities, a => a.ConversationId == teams.ConversationId && a.VisibleText.Contains("practice", StringComparison.Ordinal));
    }
}
