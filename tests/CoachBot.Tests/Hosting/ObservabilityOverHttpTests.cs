using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Tests.Diagnostics;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Quartz;

namespace CoachBot.Tests.Hosting;

/// <summary>
/// The operational endpoints and telemetry of the real host on Kestrel: <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>,
/// and the trace of a turn that arrived with the channel's <c>traceparent</c>.
/// </summary>
public sealed class ObservabilityOverHttpTests : LoopbackTest
{
    private const string Answer = "Security protects customer trust: fraud checks cut account takeovers from 1.2% to 0.7% last year.";

    [Fact]
    public async Task Readyz_Started_200WithEveryCheckHealthyAsJson()
    {
        await using var host = await TestHost.StartAsync(Db);

        var response = await ReadyAsync(host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal(["database", "migrations", "scheduler"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Readyz_SchedulerInStandby_503NamingTheScheduler_WhileHealthzStaysOk()
    {
        await using var host = await TestHost.StartAsync(Db);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(host)).StatusCode); // Quartz may start just after the host
        await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Standby();

        var ready = await host.Client.GetAsync("/readyz");
        var live = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var scheduler = body.RootElement.GetProperty("checks").GetProperty("scheduler");
        Assert.Equal("Unhealthy", scheduler.GetProperty("status").GetString());
        Assert.Equal("in standby", scheduler.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_SchedulingDisabled_ReadyWithTheSchedulerReportedDisabled()
    {
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });

        var response = await ReadyAsync(host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("disabled", body.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_AfterATurn_PrometheusTextHasTheTurnCountAndDuration_ButNoConversationOrUser()
    {
        await using var host = await TestHost.StartAsync(Db);
        using var metrics = new MetricCapture(host.Services.GetRequiredService<CoachBotMeter>().Meter);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:metrics-conversation", "29:metrics-user");

        await SendAsync(host, teams, teams.Message("help"), 1);
        var scrape = await host.Client.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(1, metrics.Sum("coachbot.turns", ("channel", "msteams"), ("kind", "message"), ("outcome", "ok")));
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("coachbot_turns_total{", text, StringComparison.Ordinal);
        Assert.Contains("channel=\"msteams\"", text, StringComparison.Ordinal);
        Assert.Contains("coachbot_turn_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics-conversation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics-user", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_PrometheusOnAnotherPort_NotServedOnTheBotsPort()
    {
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?> { ["Observability:PrometheusPort"] = "9464" });

        var scrape = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }

    [Fact]
    public async Task Metrics_PrometheusDisabled_NotServed()
    {
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?> { ["Observability:PrometheusEnabled"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(host)).StatusCode);
    }

    [Fact]
    public async Task Trace_AnswerInTheChannelsTrace_TurnUnderTheRequestSpan_GradeAndReplyUnderTheTurn()
    {
        var exported = new List<Activity>();
        await using var host = await TestHost.StartAsync(Db, configure: b => b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:traced");
        await SendAsync(host, teams, teams.Message("practice"), 1);

        // The channel's side of the trace: its request carries this trace's traceparent.
        var channel = new Activity("channel-request") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = channel.TraceId;
        try
        {
            Assert.True((await host.PostActivityAsync(teams.Message(Answer))).IsSuccessStatusCode);
        }
        finally
        {
            channel.Stop();
        }

        await Connector.WaitForAsync(teams.ConversationId, 2);
        List<Activity> spans = [];
        await Eventually(() => (spans = Snapshot(exported, trace)).Any(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/messages", StringComparison.Ordinal)));

        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/messages", StringComparison.Ordinal));
        Assert.NotEqual(default, server.ParentSpanId); // continues the channel's trace rather than starting one
        var turn = Assert.Single(spans, s => s.OperationName == "coachbot.turn");
        Assert.Equal(server.SpanId, turn.ParentSpanId);
        var grade = Assert.Single(spans, s => s.OperationName == "coachbot.grade");
        Assert.Equal(turn.SpanId, grade.ParentSpanId);
        var reply = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == turn.SpanId); // the reply to the connector
        Assert.Equal("POST", reply.GetTagItem("http.request.method"));
        Assert.All(spans, s => Assert.DoesNotContain(s.TagObjects, t => t.Value is string v && v.Contains("takeovers", StringComparison.Ordinal)));
    }

    /// <summary>
    /// <c>/readyz</c> once it answers 200, or its last answer after 10 seconds: the scheduler may start a moment after
    /// the host (not ready until then, by design).
    /// </summary>
    private static async Task<HttpResponseMessage> ReadyAsync(TestHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await host.Client.GetAsync("/readyz");
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(50);
        }
    }

    private static List<Activity> Snapshot(List<Activity> exported, ActivityTraceId trace)
    {
        lock (exported)
        {
            return [.. exported.Where(a => a.TraceId == trace)];
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the spans were not exported in time");
            await Task.Delay(20);
        }
    }
}
