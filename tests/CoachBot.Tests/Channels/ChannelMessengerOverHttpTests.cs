using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Bot.ChannelSending;
using CoachBot.Core.Channels;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Messages;
using CoachBot.Core.Tests.Diagnostics;
using CoachBot.Tests.Fakes;
using CoachBot.Infrastructure.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Tests.ChannelSending;

/// <summary>
/// The real host (anonymous mode) with the channel sender registered, sending to the loopback Bot Connector as
/// Teams' and Slack's connectors would be sent to.
/// </summary>
[Collection(SendingCollection.Name)]
public sealed partial class ChannelMessengerOverHttpTests : IAsyncLifetime
{
    private static readonly CoachMessage Prompt = new()
    {
        Blocks = [new TextBlock("Today's question", TextStyle.Heading), new TextBlock("Tell me about a time you disagreed with your manager.", TextStyle.Quote)],
        Actions = [new CoachAction("Answer", "answer")],
        Summary = "Today's question",
    };

    private readonly ThrowawayDatabase _db = ThrowawayDatabase.Create();
    private readonly ListLoggerProvider _logs = new();
    private LoopbackConnector _connector = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _host = await TestHost.StartAsync(
            _db,
            new Dictionary<string, string?>
            {
                ["ChannelSending:MaxAttempts"] = "3",
                ["ChannelSending:BaseDelay"] = "00:00:00.010",
                ["ChannelSending:TenantMessagesPerSecond"] = "50",
                ["Logging:LogLevel:CoachBot.Bot.ChannelSending"] = "Information", // the retries' announced delays
            },
            b =>
            {
                b.Services.AddCoachBotChannelSending(b.Configuration);
                b.Services.AddSingleton<ILoggerProvider>(_logs);
            });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    private IChannelMessenger CreateSut() => _host.Services.GetRequiredService<IChannelMessenger>();

    /// <summary>The delays the send retry strategy announced before its retries (event 2401), in order.</summary>
    private List<TimeSpan> RetryDelays() =>
        [.. _logs.Entries.Where(e => e.EventId == 2401).Select(e => TimeSpan.FromMilliseconds(long.Parse(RetryingIn().Match(e.Message).Groups[1].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"retrying in (\d+) ms")]
    private static partial Regex RetryingIn();

    [Fact]
    public async Task Post_TeamsChannel_StartsAThreadWithTheRenderedCard()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl);

        var result = await CreateSut().PostAsync(place, Prompt);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var created = Assert.Single(_connector.Conversations);
        Assert.Equal(created.Id, result.ThreadId);
        Assert.Equal($"19:study-1@thread.tacv2;messageid={created.ActivityId}", result.ThreadId);
        Assert.Equal(created.ActivityId, result.ActivityId);
        Assert.Equal("19:study-1@thread.tacv2", (string?)created.Parameters.SelectToken("channelData.channel.id"));
        Assert.True((bool?)created.Parameters["isGroup"]);
        Assert.Equal(StudyPlaces.Tenant, (string?)created.Parameters["tenantId"]);
        Assert.Equal("28:coachbot", (string?)created.Parameters.SelectToken("bot.id"));
        var post = Assert.Single(_connector.Activities);
        Assert.Equal(result.ThreadId, post.ConversationId);
        Assert.NotNull(post.Card);
        Assert.Contains("Tell me about a time you disagreed with your manager.", post.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyInThread_Teams_SendsToTheThreadsConversation()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl);
        var sut = CreateSut();
        var post = await sut.PostAsync(place, Prompt);

        var reply = await sut.ReplyInThreadAsync(place, post.ThreadId!, CoachMessage.FromText("Ada answered: 82/100."));

        Assert.Equal(SendOutcome.Sent, reply.Outcome);
        Assert.Equal(post.ThreadId, reply.ThreadId);
        Assert.NotNull(reply.ActivityId);
        var sent = Assert.Single(_connector.Activities, a => a.VisibleText.Contains("82/100", StringComparison.Ordinal));
        Assert.Equal(post.ThreadId, sent.ConversationId);
        Assert.Null(sent.ReplyToId);
        Assert.Single(_connector.Conversations); // the reply starts nothing new
    }

    [Fact]
    public async Task SendPrivate_Teams_OpensAOneToOneConversationWithTheMember_AndReusesIt()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl);
        var sut = CreateSut();

        var first = await sut.SendPrivateAsync(place, "29:user-7", "Grace", CoachMessage.FromText("Your answer scored 74/100."));
        var second = await sut.SendPrivateAsync(place, "29:user-7", "Grace", CoachMessage.FromText("Next question tomorrow."));

        Assert.Equal(SendOutcome.Sent, first.Outcome);
        Assert.Equal("a:1on1-29:user-7", first.ThreadId);
        Assert.Equal(first.ThreadId, second.ThreadId);
        Assert.All(_connector.Conversations, c =>
        {
            Assert.False((bool?)c.Parameters["isGroup"]);
            Assert.Equal("29:user-7", (string?)c.Parameters.SelectToken("members[0].id"));
            Assert.Equal("Grace", (string?)c.Parameters.SelectToken("members[0].name"));
            Assert.Equal(StudyPlaces.Tenant, (string?)c.Parameters["tenantId"]);
        });
        var messages = await _connector.WaitForAsync("a:1on1-29:user-7", 2);
        Assert.Equal(["Your answer scored 74/100.", "Next question tomorrow."], messages.Select(m => m.VisibleText.Split('\n')[0]));
        Assert.DoesNotContain(_connector.Activities, a => a.ConversationId == place.ConversationId);
    }

    [Fact]
    public async Task Post_Slack_SendsToTheChannelConversation()
    {
        var place = StudyPlaces.SlackChannel(_connector.ServiceUrl);

        var result = await CreateSut().PostAsync(place, Prompt);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(place.ConversationId, result.ThreadId);
        Assert.NotNull(result.ActivityId);
        Assert.Empty(_connector.Conversations);
        var sent = Assert.Single(_connector.Activities);
        Assert.Equal(place.ConversationId, sent.ConversationId);
        Assert.Null(sent.ReplyToId); // a new channel message, not a reply to anything
        Assert.Equal("B0BOT:T0TEAM", (string?)sent.Body.SelectToken("from.id"));
        Assert.Null(sent.Card); // mrkdwn, not a card
        Assert.Contains("Tell me about a time you disagreed with your manager.", sent.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HundredPlaces_EachGetsExactlyOnePost()
    {
        var places = Enumerable.Range(0, 100).Select(i => StudyPlaces.TeamsChannel(_connector.ServiceUrl, $"19:study-{i}@thread.tacv2")).ToList();

        var results = await Task.WhenAll(places.Select(p => CreateSut().PostAsync(p, Prompt)));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        Assert.Equal(100, _connector.Conversations.Count);
        Assert.Equal(
            places.Select(p => p.TeamsChannelId).Order(),
            _connector.Conversations.Select(c => (string?)c.Parameters.SelectToken("channelData.channel.id")).Order());
        Assert.Equal(100, results.Select(r => r.ThreadId).Distinct().Count());
    }

    [Fact]
    public async Task Post_TenPercentThrottled_AllDeliveredExactlyOnce_RetriesWaitForRetryAfter()
    {
        var places = Enumerable.Range(0, 100).Select(i => StudyPlaces.TeamsChannel(_connector.ServiceUrl, $"19:busy-{i}@thread.tacv2")).ToList();
        var throttled = places.Where((_, i) => i % 10 == 3).Select(p => p.TeamsChannelId!).ToHashSet();
        foreach (var channel in throttled)
        {
            _connector.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1), target: channel, code: "TooManyRequests");
        }

        var results = await Task.WhenAll(places.Select(p => CreateSut().PostAsync(p, Prompt)));

        Assert.All(results, r => Assert.Equal(SendOutcome.Sent, r.Outcome));
        var delivered = _connector.Conversations.Select(c => (string)c.Parameters.SelectToken("channelData.channel.id")!).ToList();
        Assert.Equal(100, delivered.Count);
        Assert.Equal(100, delivered.Distinct().Count());
        var requests = _connector.Requests;
        Assert.Equal(10, requests.Count(r => r.Status == 429));
        foreach (var channel in throttled)
        {
            var attempts = requests.Where(r => r.Target == channel).ToList();
            Assert.Equal([429, 200], attempts.Select(a => a.Status));
            // Timers may fire up to a millisecond early against the server clock: allow 10 ms.
            Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(990), $"{channel} retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task Post_GateSaysNo_NothingReachesTheConnector()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:taken@thread.tacv2");

        var result = await CreateSut().PostAsync(place, Prompt, _ => Task.FromResult(false));

        Assert.Equal(SendOutcome.Withheld, result.Outcome);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_Throttled_GateAskedOnceBeforeTheFirstRequestOnly()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:gated@thread.tacv2");
        _connector.FailNext(1, 429, TimeSpan.FromSeconds(1), target: place.TeamsChannelId, code: "TooManyRequests");
        var asked = new List<int>();

        var result = await CreateSut().PostAsync(place, Prompt, _ =>
        {
            asked.Add(_connector.Requests.Count);
            return Task.FromResult(true);
        });

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal([0], asked); // before the first request, not again for the retry
        Assert.Equal([429, 200], _connector.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Post_Forbidden_IsBlockedAfterExactlyOneRequest()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:removed@thread.tacv2");
        _connector.FailNext(5, 403, target: place.TeamsChannelId, code: "MessageWritesBlocked");

        var result = await CreateSut().PostAsync(place, Prompt);

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Equal("403 MessageWritesBlocked", result.Error);
        Assert.Null(result.ThreadId);
        Assert.Single(_connector.Requests);
        Assert.Empty(_connector.Activities);
    }

    [Fact]
    public async Task Reply_ConversationGone_IsBlocked()
    {
        var place = StudyPlaces.SlackChannel(_connector.ServiceUrl);
        _connector.FailNext(5, 404, target: place.ConversationId, code: "ConversationNotFound");

        var result = await CreateSut().ReplyInThreadAsync(place, place.ConversationId, CoachMessage.FromText("hello"));

        Assert.Equal(SendOutcome.Blocked, result.Outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Post_RepeatedServiceUnavailable_FailsAfterTheConfiguredAttempts()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:flaky@thread.tacv2");
        _connector.FailNext(10, 503, target: place.TeamsChannelId);

        var result = await CreateSut().PostAsync(place, Prompt);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal("503 ServiceError", result.Error);
        Assert.Equal(3, _connector.Requests.Count(r => r.Target == place.TeamsChannelId));
        Assert.Empty(_connector.Conversations);
        // The backoff follows ChannelSending:BaseDelay, read from the delays the retry strategy announced (and then
        // waited), not from a stopwatch. Exponential backoff with jitter makes the first two delays together 1.4 to
        // 2.9 times the base delay: at most 29 ms for the 10 ms configured, at least 1.38 s for the 1 s default.
        var delays = RetryDelays();
        Assert.Equal(2, delays.Count);
        Assert.True(delays.Sum(d => d.TotalMilliseconds) < 500, $"retried after {string.Join(" and ", delays)}: backoff follows ChannelSending:BaseDelay");
    }

    [Fact]
    public async Task Send_CancelledByTheCaller_Throws()
    {
        var place = StudyPlaces.SlackChannel(_connector.ServiceUrl, "B0BOT:T0TEAM:C0CANCEL");
        var sut = CreateSut();
        await sut.PostAsync(place, Prompt); // Slack: the next send to this channel waits about a second
        using var cancel = new CancellationTokenSource();

        // Cancelled at once rather than by a timer: a timer runs late on a loaded machine and could lose the race
        // against the second's permit.
        var sending = sut.PostAsync(place, Prompt, cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Single(_connector.Activities);
    }

    [Fact]
    public async Task Post_ThrottledOnce_CountsThe429_AndTheSendSpanShowsTwoAttempts()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:throttled-once@thread.tacv2");
        _connector.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1), target: place.TeamsChannelId, code: "TooManyRequests");
        using var metrics = new MetricCapture(_host.Services.GetRequiredService<CoachBotMeter>().Meter);
        using var spans = new SpanCapture();

        var result = await CreateSut().PostAsync(place, Prompt);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(1, metrics.Sum("coachbot.sends.throttled", ("platform", "msteams")));
        var send = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.send");
        Assert.Equal("msteams", send.GetTagItem("coachbot.platform"));
        Assert.Equal("post", send.GetTagItem("coachbot.send.kind"));
        Assert.Equal("sent", send.GetTagItem("coachbot.send.outcome"));
        Assert.Equal(2, send.GetTagItem("coachbot.send.attempts"));
    }

    [Fact]
    public async Task Post_CancelledWhileWaitingOutA429_ThrowsCancellation_NeverAFailedResult()
    {
        var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, "19:shutdown@thread.tacv2");
        _connector.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(5), target: place.TeamsChannelId, code: "TooManyRequests");
        using var spans = new SpanCapture();
        using var shutdown = new CancellationTokenSource();

        var send = CreateSut().PostAsync(place, Prompt, cancellationToken: shutdown.Token);
        while (!_connector.Requests.Any(r => r.Target == place.TeamsChannelId))
        {
            await Task.Delay(20);
        }

        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Empty(_connector.Conversations);
        var span = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.send");
        Assert.Equal("cancelled", span.GetTagItem("coachbot.send.outcome"));
    }

    [Fact]
    public async Task QueueDepth_SendsWaitingForTheSlackLimit_ObservedOnTheGauge()
    {
        var place = StudyPlaces.SlackChannel(_connector.ServiceUrl, "B0BOT:T0TEAM:C0QUEUE");
        using var metrics = new MetricCapture(_host.Services.GetRequiredService<CoachBotMeter>().Meter);
        var sut = CreateSut();
        await sut.PostAsync(place, Prompt); // Slack allows one per second: the next two wait

        var waiting = Task.WhenAll(sut.PostAsync(place, Prompt), sut.PostAsync(place, Prompt));
        while (!waiting.IsCompleted && !metrics.Of("coachbot.sends.queue_depth", ("queue", "limiter")).Any(m => m.Value == 2))
        {
            metrics.Observe();
            await Task.Delay(20);
        }

        await waiting;
        metrics.Observe();

        Assert.Contains(metrics.Of("coachbot.sends.queue_depth", ("queue", "limiter")), m => m.Value == 2);
        Assert.Equal(0, metrics.Of("coachbot.sends.queue_depth", ("queue", "limiter"))[^1].Value); // all sent: nothing waits
        Assert.Contains(metrics.Of("coachbot.sends.queue_depth", ("queue", "deferred")), m => m.Value == 0);
    }
}
