using System.Diagnostics;
using CoachBot.Core.Channels;
using CoachBot.Core.QuestionSets;
using static CoachBot.FanOut.Report;

namespace CoachBot.FanOut;

/// <summary>
/// Scenario A, throughput: N subscribed Teams channels, one occurrence fired for all through
/// <see cref="DailyPromptRunner.RunDailyAsync"/> (delivery records, prompt, send, recap timer), with the tenant limit
/// out of the way: <c>TenantMessagesPerSecond=50</c> and 40 places per tenant, so no tenant ever has to wait (40 &lt; 50
/// permits in any window) while every send still goes through the whole limiter chain (3 conversation windows and the
/// tenant window). Then the sender alone, sequentially, against a bare HTTP POST of the same body: the difference is
/// what <c>ChannelMessenger</c> adds per post.
/// </summary>
internal static class ScenarioA
{
    private const int PlacesPerTenant = 40;
    private const int WarmUpPlaces = 500;
    private const int SequentialPosts = 1_000;

    public static async Task<bool> RunAsync(int places)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var host = await FanOutHost.StartAsync(tenantMessagesPerSecond: 50);
        var store = host.Services.GetRequiredService<IStudyChannelStore>();
        var runner = host.Services.GetRequiredService<DailyPromptRunner>();

        // The sender alone first, on a quiet process: after the fan-out, its partitions' timers would still be running.
        var senderAlone = await SenderAloneAsync(host, connector);

        // Warm-up on its own places and tenants: JIT, connection pool, EF model, Quartz store.
        var warmUp = await StudyFleet.SubscribeAsync(store, connector.ServiceUrl, WarmUpPlaces, i => $"warm-tenant-{i / PlacesPerTenant:D4}", "warm");
        await StudyFleet.FireAsync(runner, warmUp);

        var seeding = Measurement.Start();
        var schedules = await StudyFleet.SubscribeAsync(store, connector.ServiceUrl, places, i => $"tenant-{i / PlacesPerTenant:D4}", "fan");
        seeding.Stop();

        var (postsBefore, channelsBefore, requestsBefore) = (connector.Posts, connector.ChannelsPosted, connector.Requests);
        var (sentBefore, messengerBefore, handlerBefore) = (host.Messenger.Sent, host.Messenger.PostTime, connector.HandlerTime);
        var run = Measurement.Start();
        await StudyFleet.FireAsync(runner, schedules);
        run.Stop();

        var posts = connector.Posts - postsBefore;
        var channels = connector.ChannelsPosted - channelsBefore;
        var sent = host.Messenger.Sent - sentBefore;
        var inMessenger = host.Messenger.PostTime - messengerBefore;
        var inConnector = connector.HandlerTime - handlerBefore;
        // Nothing is sent now, but every partition the fan-out touched keeps its replenishment timers until it has been
        // idle for about 10 s (the hour window: until its permits come back, an hour later).
        var idle = Measurement.Start();
        await Task.Delay(TimeSpan.FromSeconds(3));
        idle.Stop();

        var ok = posts == places && channels == places && connector.ChannelsPostedTwice == 0 && sent == places;

        Table($"Scenario A: {places:N0} Teams channels, one occurrence, {StudyFleet.Parallelism} runs at a time, {places / PlacesPerTenant:N0} tenants at 50/s", [
            ("places subscribed (place + schedule)", $"{N(places)} in {S(seeding.Wall)}"),
            ("posts arrived at the connector", $"{N(posts)} (expected {N(places)}; distinct channels {N(channels)}, twice {connector.ChannelsPostedTwice}) {(ok ? "OK" : "MISMATCH")}"),
            ("connector requests", N(connector.Requests - requestsBefore)),
            ("total time", S(run.Wall)),
            ("posts/s", N(posts / run.Wall.TotalSeconds, "N1")),
            ("process CPU per post (runner + DB + sender + connector)", Ms(run.Cpu / places)),
            ("allocated per post (whole process)", $"{N(run.Allocated / 1024.0 / places, "N1")} KB"),
            ("mean time inside ChannelMessenger.PostAsync", Ms(inMessenger / places)),
            ("process CPU while idle, 0-3 s after the last post", $"{N(idle.Cpu.TotalMilliseconds / idle.Wall.TotalSeconds, "N0")} ms per s"),
            ("mean time inside the connector's handler", Ms(inConnector / places)),
        ]);

        Table($"Scenario A, sender alone: {SequentialPosts:N0} posts one at a time (measured before the fan-out; the connector runs in this process too)", senderAlone);
        return ok;
    }

    /// <summary>One post at a time: the sender (limiter, retry pipeline, adapter turn, Bot Connector client) against a bare POST of the same JSON.</summary>
    private static async Task<List<(string Name, string Value)>> SenderAloneAsync(FanOutHost host, LoopbackConnector connector)
    {
        var messenger = host.Services.GetRequiredService<IChannelMessenger>();
        var set = await host.Services.GetRequiredService<IQuestionSetStore>().GetLatestAsync(StudyFleet.SetId)
            ?? throw new InvalidOperationException($"The bundled set {StudyFleet.SetId} is missing.");
        var message = StudyChannelMessages.DailyQuestion(set, ChannelRotation.Next(set, [])!, DateTimeOffset.UtcNow.AddHours(8), TimeZoneInfo.Utc);
        StudyPlace Place(int i) => new(
            $"msteams:19:solo-{i:D5}@thread.tacv2", "msteams", $"19:solo-{i:D5}@thread.tacv2", PlaceKind.TeamsChannel, connector.ServiceUrl,
            $"solo-tenant-{i / PlacesPerTenant:D4}", "19:team-solo@thread.tacv2", $"19:solo-{i:D5}@thread.tacv2", "28:coachbot", "solo", true, FeedbackMode.Private, DateTimeOffset.UtcNow);

        for (var i = 0; i < 200; i++)
        {
            await messenger.PostAsync(Place(-1 - i), message); // warm-up
        }

        var handlerBefore = connector.HandlerTime;
        var sender = Measurement.Start();
        for (var i = 0; i < SequentialPosts; i++)
        {
            var result = await messenger.PostAsync(Place(i), message);
            Debug.Assert(result.Outcome == SendOutcome.Sent, "the loopback connector never fails");
        }

        sender.Stop();
        var senderHandler = connector.HandlerTime - handlerBefore;

        using var http = new HttpClient { BaseAddress = new Uri(connector.ServiceUrl) };
        var body = connector.SampleCreateBody ?? "{}";
        async Task PostRawAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v3/conversations")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(LoopbackConnector.BaselineHeader, "1");
            using var response = await http.SendAsync(request);
            _ = await response.Content.ReadAsStringAsync();
        }

        for (var i = 0; i < 200; i++)
        {
            await PostRawAsync();
        }

        handlerBefore = connector.HandlerTime;
        var raw = Measurement.Start();
        for (var i = 0; i < SequentialPosts; i++)
        {
            await PostRawAsync();
        }

        raw.Stop();
        var rawHandler = connector.HandlerTime - handlerBefore;

        return [
            ("ChannelMessenger.PostAsync: wall per post", Ms(sender.Wall / SequentialPosts)),
            ("  CPU per post / allocated per post", $"{Ms(sender.Cpu / SequentialPosts)} / {N(sender.Allocated / 1024.0 / SequentialPosts, "N1")} KB"),
            ("  of which in the connector's handler (wall)", Ms(senderHandler / SequentialPosts)),
            ("bare HttpClient POST of the same body: wall per post", Ms(raw.Wall / SequentialPosts)),
            ("  CPU per post / allocated per post", $"{Ms(raw.Cpu / SequentialPosts)} / {N(raw.Allocated / 1024.0 / SequentialPosts, "N1")} KB"),
            ("  of which in the connector's handler (wall)", Ms(rawHandler / SequentialPosts)),
            ("sender overhead per post (wall / CPU)", $"{Ms((sender.Wall - raw.Wall) / SequentialPosts)} / {Ms((sender.Cpu - raw.Cpu) / SequentialPosts)}"),
        ];
    }
}
