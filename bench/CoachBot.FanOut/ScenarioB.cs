using CoachBot.Core.Channels;
using static CoachBot.FanOut.Report;

namespace CoachBot.FanOut;

/// <summary>
/// Scenario B, the tenant limit: N places in ONE tenant at <c>TenantMessagesPerSecond=50</c>. The floor is N/50
/// seconds; the ratio of the real time to it says how much rate the limiter leaves unused.
/// </summary>
internal static class ScenarioB
{
    private const int Rate = 50;

    public static async Task<bool> RunAsync(int places)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var host = await FanOutHost.StartAsync(tenantMessagesPerSecond: Rate);
        var store = host.Services.GetRequiredService<IStudyChannelStore>();
        var runner = host.Services.GetRequiredService<DailyPromptRunner>();

        var seeding = Measurement.Start();
        var schedules = await StudyFleet.SubscribeAsync(store, connector.ServiceUrl, places, _ => "tenant-one", "one");
        seeding.Stop();

        var run = Measurement.Start();
        await StudyFleet.FireAsync(runner, schedules);
        run.Stop();

        var arrivals = connector.PostArrivals.Order().ToArray();
        var floor = TimeSpan.FromSeconds((double)places / Rate);
        var ok = arrivals.Length == places && connector.ChannelsPosted == places && connector.ChannelsPostedTwice == 0;

        // After the first window's burst of 50 the limiter sets the pace: the steady rate is measured from the 50th post on.
        var steady = arrivals.Length > Rate
            ? (arrivals.Length - Rate) / System.Diagnostics.Stopwatch.GetElapsedTime(arrivals[Rate - 1], arrivals[^1]).TotalSeconds
            : double.NaN;
        var ratio = run.Wall / floor;
        Table($"Scenario B: {places:N0} Teams channels in one tenant at {Rate}/s", [
            ("places subscribed (place + schedule)", $"{N(places)} in {S(seeding.Wall)}"),
            ("posts arrived at the connector", $"{N(arrivals.Length)} (expected {N(places)}) {(ok ? "OK" : "MISMATCH")}"),
            ("total time", S(run.Wall)),
            ("floor (places / 50 per s)", S(floor)),
            ("ratio total / floor", $"{N(ratio, "N3")} ({(ratio <= 1.05 ? "within" : "outside")} the 5% goal)"),
            ("first post -> last post", arrivals.Length > 1 ? S(System.Diagnostics.Stopwatch.GetElapsedTime(arrivals[0], arrivals[^1])) : "-"),
            ("steady rate after the first 50", $"{N(steady, "N2")} posts/s ({N(steady / Rate * 100, "N1")}% of {Rate}/s)"),
            ("process CPU per post", Ms(run.Cpu / places)),
        ]);
        return ok;
    }
}
