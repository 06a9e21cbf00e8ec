using System.Diagnostics;
using CoachBot.Core.Channels;
using CoachBot.Tests.ChannelSending;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoachBot.Tests.Cluster;

/// <summary>
/// Three instances of the real server (<c>dotnet CoachBot.dll</c> processes on their own loopback ports) as a Quartz
/// cluster on one fresh PostgreSQL database, one loopback Bot Connector for all: 500 Teams channels subscribed to one
/// daily occurrence a few seconds ahead. Every channel must get exactly one post, the work must be shared, and it
/// must stay exactly one when an instance is killed with SIGKILL in the middle of the fan-out.
/// </summary>
[Collection(SendingCollection.Name)]
public sealed class ClusterFanOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Places = 500;
    private const int PostedEvent = 4200;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(45);
    private readonly string _schedulerName = $"CoachBotCluster-{Guid.NewGuid():N}";
    private readonly List<Instance> _instances = [];
    private LoopbackConnector _connector = null!;
    private ThrowawayDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _database = ThrowawayDatabase.CreatePostgres("coachbot-cluster-tests");
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Server.Dispose();
        }

        await _connector.DisposeAsync();
        _database.Dispose();
    }

    [ClusterFact]
    public async Task ThreeInstances_500Channels_OneOccurrence_ExactlyOnePostEach_SharedByTheInstances()
    {
        var clock = Stopwatch.StartNew();
        var fire = await SeedAsync();
        await StartInstancesAsync(3, fire);

        await WaitForPostsAsync(Places, fire + TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(4)); // a late duplicate would arrive now

        var perPlace = PostsPerPlace();
        var workers = _instances.Where(i => i.Events(PostedEvent).Count > 0).ToList();
        Report("no kill", perPlace, clock.Elapsed, fire);
        Assert.Equal(Places, perPlace.Count);
        Assert.All(perPlace, p => Assert.Equal(1, p.Value));
        Assert.True(workers.Count > 1, $"one instance did all the work: {Shares()}");
        Assert.Equal(Places, _instances.Sum(i => i.Events(PostedEvent).Count));
    }

    [ClusterFact]
    public async Task KillNineMidFanOut_StillExactlyOnePostEach_TheSurvivorsFinish()
    {
        var clock = Stopwatch.StartNew();
        var (fire, victim) = await FanOutUntilAsync(100);
        victim.Server.Kill();
        var atKill = Posts().Count;
        output.WriteLine($"killed {victim} after {atKill} posts");

        await WaitForEveryChannelAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(6)); // recovery runs and sweeps: a duplicate would arrive now

        var perPlace = PostsPerPlace();
        var unknown = await OutcomeUnknownAsync();
        var survivors = _instances.Where(i => i != victim).ToList();
        Report($"kill -9 of {victim.Name} after {atKill} posts", perPlace, clock.Elapsed, fire, unknown);
        Assert.True(atKill < Places, "the fan-out was over before the kill");
        Assert.All(perPlace, p => Assert.Equal(1, p.Value)); // never twice
        // Exactly once, except a post the victim was sending when it died (its request may or may not have left; the
        // ledger records it as outcome unknown and never sends it again): at most once.
        Assert.All(Enumerable.Range(0, Places).Select(Channel), c => Assert.True(perPlace.ContainsKey(c) || unknown.Contains(c), $"{c} got no post"));
        Assert.True(unknown.Count <= 10, $"{unknown.Count} outcomes unknown: more than the victim could have had in flight");
        Assert.True(survivors.Sum(i => i.Events(PostedEvent).Count) >= Places - atKill - unknown.Count, $"the survivors did not finish the rest: {Shares()}");
    }

    [ClusterFact]
    public async Task GracefulStopMidFanOut_InFlightSendsFinish_TheRestByTheOthers_ExactlyOnePostEach()
    {
        var clock = Stopwatch.StartNew();
        var (fire, stopped) = await FanOutUntilAsync(100);
        var atStop = Posts().Count;
        await stopped.Server.StopAsync(TimeSpan.FromSeconds(30)); // SIGTERM: waits for its running jobs
        output.WriteLine($"stopped {stopped} after {atStop} posts");

        await WaitForPostsAsync(Places, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(4));

        var perPlace = PostsPerPlace();
        Report($"SIGTERM of {stopped.Name} after {atStop} posts", perPlace, clock.Elapsed, fire, await OutcomeUnknownAsync());
        Assert.Equal(0, stopped.Server.ExitCode);
        Assert.Equal(Places, perPlace.Count);
        Assert.All(perPlace, p => Assert.Equal(1, p.Value));
        Assert.Empty(await OutcomeUnknownAsync()); // a graceful stop leaves nothing in doubt
    }

    /// <summary>Seeds, starts three instances and waits for the first <paramref name="posts"/> posts; returns the occurrence and the busiest instance.</summary>
    private async Task<(DateTimeOffset Fire, Instance Busiest)> FanOutUntilAsync(int posts)
    {
        var fire = await SeedAsync();
        await StartInstancesAsync(3, fire);
        await WaitForPostsAsync(posts, fire + TimeSpan.FromSeconds(60));
        return (fire, _instances.OrderByDescending(i => i.Events(PostedEvent).Count).First());
    }

    /// <summary>
    /// Subscribes the channels through the stores and the scheduler of a short-lived host on the same database (its
    /// scheduler not started: it only stores the timers), all to one occurrence <see cref="Lead"/> ahead, in UTC to the
    /// second; returns that time.
    /// </summary>
    private async Task<DateTimeOffset> SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var fire = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + Lead;
        await using var seeder = await TestHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Scheduling:InstanceName"] = _schedulerName,
            ["Scheduling:Enabled"] = "false",
        });
        var store = seeder.Services.GetRequiredService<IStudyChannelStore>();
        var scheduler = seeder.Services.GetRequiredService<IStudyScheduler>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Places), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var place = StudyPlaces.TeamsChannel(_connector.ServiceUrl, Channel(i));
            await store.UpsertPlaceAsync(place, reactivate: true, ct);
            var schedule = new DailySchedule(Guid.NewGuid(), place.PlaceKey, TimeOnly.FromDateTime(fire.UtcDateTime), "Etc/UTC",
                Core.Channels.Scheduling.ScheduleDays.EveryDay, "amazon-customer-trust", [], true, "msteams:29:admin", now);
            await store.SaveScheduleAsync(schedule, ct);
            await scheduler.ScheduleDailyAsync(schedule, ct);
        });
        output.WriteLine($"seeded {Places} channels in {DateTimeOffset.UtcNow - now}; occurrence {fire:O}");
        return fire;
    }

    private async Task StartInstancesAsync(int count, DateTimeOffset fire)
    {
        var environment = new Dictionary<string, string>
        {
            ["Scheduling__InstanceName"] = _schedulerName,
            ["Scheduling__Clustered"] = "true",
            ["Scheduling__ClusterCheckinInterval"] = "00:00:01",
            ["Scheduling__ClusterCheckinMisfireThreshold"] = "00:00:02",
            ["Scheduling__RecoverySweepInterval"] = "00:00:02",
            ["ChannelSending__TenantMessagesPerSecond"] = "50",
            ["Logging__LogLevel__CoachBot.Core.Channels.DailyPromptRunner"] = "Information",
            ["Logging__LogLevel__CoachBot.Infrastructure.Scheduling"] = "Information",
            ["Logging__Console__FormatterName"] = "simple", // one line per entry: "info: Category[EventId] Message"
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Grading__Provider"] = "rubric",
        };
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            new Instance($"instance-{(char)('a' + i)}", await BotServerProcess.StartAsync(_database, environment))));
        _instances.AddRange(started);
        output.WriteLine($"started {string.Join(", ", started.Select(s => s.ToString()))}; {fire - DateTimeOffset.UtcNow} before the occurrence");
        if (DateTimeOffset.UtcNow > fire)
        {
            // Still a valid run (the timers fire late, well within the grace period), but the instances that started
            // first may take more of the work.
            output.WriteLine("the instances took longer to start than the lead; the occurrence fired late");
        }
    }

    /// <summary>One instance of the cluster: a name for the report, and its process.</summary>
    private sealed record Instance(string Name, BotServerProcess Server)
    {
        public bool HasExited => Server.HasExited;

        /// <summary>The log lines of event <paramref name="eventId"/> so far.</summary>
        public IReadOnlyList<string> Events(int eventId) => [.. Server.OutputLines.Where(l => l.Contains($"[{eventId}]", StringComparison.Ordinal))];

        public override string ToString() => $"{Name} (pid {Server.ProcessId})";
    }

    private static string Channel(int i) => $"19:cluster-{i:D3}@thread.tacv2";

    /// <summary>The channel posts at the connector (each a new Teams thread), by channel id.</summary>
    private List<string> Posts() =>
        [.. _connector.Conversations.Where(c => c.Id.Contains(";messageid=", StringComparison.Ordinal)).Select(c => c.Id.Split(';')[0])];

    private Dictionary<string, int> PostsPerPlace() => Posts().GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

    private async Task WaitForPostsAsync(int count, DateTimeOffset deadline)
    {
        while (Posts().Count < count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"only {Posts().Count} of {count} posts by {deadline:O}; {Shares()}; {await UnpostedAsync()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>For a failure message: the deliveries of the channels without a post, and the warnings the instances logged.</summary>
    private async Task<string> UnpostedAsync()
    {
        var posted = Posts().ToHashSet();
        var rows = await _database.QueryAsync("SELECT \"PlaceKey\", \"State\", \"Owner\", \"LastError\" FROM \"Deliveries\" WHERE \"Kind\" = 'daily'");
        var unposted = rows.Where(r => !posted.Contains(r[0]!["msteams:".Length..])).Select(r => string.Join(" ", r));
        var recorded = rows.Select(r => r[0]!["msteams:".Length..]).ToHashSet();
        var unrecorded = Enumerable.Range(0, Places).Select(Channel).Where(c => !posted.Contains(c) && !recorded.Contains(c));
        var warnings = _instances.SelectMany(i => i.Server.OutputLines.Where(l => l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal)).Select(l => $"{i.Name}: {l}"));
        return $"unposted deliveries: [{string.Join("; ", unposted)}]; never recorded: [{string.Join(", ", unrecorded)}]; warnings: [{string.Join(" | ", warnings.Take(30))}]";
    }

    private DateTimeOffset First() => _connector.Requests.Where(r => r.Status == 200).Min(r => r.At);

    private DateTimeOffset Last() => _connector.Requests.Where(r => r.Status == 200).Max(r => r.At);

    /// <summary>Waits until every channel got its post or the ledger closed its delivery as outcome unknown.</summary>
    private async Task WaitForEveryChannelAsync(DateTimeOffset deadline)
    {
        while (Posts().Count < Places)
        {
            var settled = Posts().Union(await OutcomeUnknownAsync()).Distinct().Count();
            if (settled == Places)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"only {settled} of {Places} channels posted or settled by {deadline:O}; {Shares()}");
            await Task.Delay(250);
        }
    }

    private string Shares() => string.Join(", ", _instances.Select(i => $"{i.Name}{(i.HasExited ? " (dead)" : string.Empty)}: {i.Events(PostedEvent).Count} posted"));

    /// <summary>The channels whose delivery the ledger closed as outcome unknown (its sender died mid-send).</summary>
    private async Task<HashSet<string>> OutcomeUnknownAsync()
    {
        var rows = await _database.QueryAsync(
            "SELECT \"PlaceKey\" FROM \"Deliveries\" WHERE \"Kind\" = 'daily' AND \"LastError\" = @reason", ("reason", DeliveryLedger.OutcomeUnknown));
        return [.. rows.Select(r => r[0]!["msteams:".Length..])];
    }

    private void Report(string scenario, Dictionary<string, int> perPlace, TimeSpan elapsed, DateTimeOffset fire, IReadOnlySet<string>? unknown = null)
    {
        var duplicates = perPlace.Values.Sum(n => n - 1);
        var missing = Places - perPlace.Count;
        output.WriteLine(
            $"{scenario}: {Posts().Count} posts for {perPlace.Count}/{Places} channels, {duplicates} duplicate(s), {missing} missing; " +
            $"{Shares()}; re-run jobs: {_instances.Sum(i => i.Events(4008).Count)}; outcome unknown: {unknown?.Count ?? 0} ({unknown?.Count(perPlace.ContainsKey) ?? 0} of them posted); " +
            $"taken over: {_instances.Sum(i => i.Events(4210).Count)}; posts from {First() - fire:g} to {Last() - fire:g} after the occurrence; test {elapsed:g}");
    }
}
