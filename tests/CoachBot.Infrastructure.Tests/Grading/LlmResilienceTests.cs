using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CoachBot.Core.Grading;
using CoachBot.Infrastructure.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>
/// The resilience pipeline against a real loopback server: retries, Retry-After, the circuit, timeouts. Waits are
/// checked with lower bounds only (time cannot run fast); that nothing waited too long is shown without a stopwatch
/// (a loaded machine makes any upper bound flaky): by the delay the retry strategy announced, by the calls and retries
/// that did not happen, or by a fake LLM that answers only once the grade is in.
/// </summary>
public sealed partial class LlmResilienceTests
{
    private const string Quote = "sign-in failures fell 40%";

    // What precedes the reason in the grading service's fallback message (event 1201).
    private const string ReasonLabel = "Reason: ";

    // .NET timers run on a millisecond tick and may fire up to a tick or two before a Stopwatch says the time is up.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    // Only turns a hang into a failure: never a measurement, so generous for a loaded machine.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static FakeReply Ok => LlmReplies.Grade(Set, 80, Quote);

    private static IAnswerGrader CreateSut(ServiceProvider services) => services.GetRequiredService<IAnswerGrader>();

    [Fact]
    public async Task GradeAsync_429WithRetryAfterOneSecond_RetriesNoSoonerThanOneSecondLater()
    {
        var logs = new ListLoggerProvider();
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(429, Header("Retry-After", "1")) : Ok);
        await using var services = BuildPatient(LlmGradingServices.OpenAI(llm), logs);

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Equal(80, grade.Overall);
        Assert.Equal(2, llm.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], RetryDelays(logs)); // backoff alone would be ~10 ms
        Assert.True(Gap(llm.Requests[0], llm.Requests[1]) >= TimeSpan.FromSeconds(1) - TimerSlack);
    }

    [Fact]
    public async Task GradeAsync_429WithRetryAfterMs_WaitsTheMilliseconds()
    {
        var logs = new ListLoggerProvider();
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(429, Header("retry-after-ms", "400")) : Ok);
        await using var services = BuildPatient(LlmGradingServices.OpenAI(llm), logs);

        await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Equal([TimeSpan.FromMilliseconds(400)], RetryDelays(logs));
        Assert.True(Gap(llm.Requests[0], llm.Requests[1]) >= TimeSpan.FromMilliseconds(400) - TimerSlack);
    }

    [Fact]
    public async Task GradeAsync_RetryAfterBeyondMaxRetryAfter_WaitsOnlyTheCap()
    {
        var logs = new ListLoggerProvider();
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(503, Header("Retry-After", "120")) : Ok);
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:MaxRetryAfter"] = "00:00:00.300";
        await using var services = BuildPatient(settings, logs);

        await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Equal([TimeSpan.FromMilliseconds(300)], RetryDelays(logs)); // not the 120 s asked for, nor the default cap
        Assert.True(Gap(llm.Requests[0], llm.Requests[1]) >= TimeSpan.FromMilliseconds(300) - TimerSlack);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task GradeAsync_TransientStatusThenSuccess_ReturnsTheGrade(int status)
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(status) : Ok);
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Equal(80, grade.Overall);
        Assert.Equal(2, llm.Requests.Count);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("azure-openai")]
    public async Task GradeAsync_Repeated500s_OnlyPollyRetries(string provider)
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Error(500));
        await using var services = LlmGradingServices.Build(provider == "openai" ? LlmGradingServices.OpenAI(llm) : LlmGradingServices.Azure(llm));

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Equal("HTTP 500 (retries exhausted)", ex.Message);
        Assert.Equal(3, llm.Requests.Count); // 1 + MaxRetryAttempts 2; the client's own retries would make it 12
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task GradeAsync_NonTransient4xx_FailsAfterOneCall(int status)
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Error(status));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Equal($"HTTP {status}", ex.Message);
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task GradeAsync_NothingListening_RetriesThenReportsNetworkError()
    {
        await using var llm = await FakeLlmServer.StartAsync(Ok);
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:OpenAI:Endpoint"] = $"http://127.0.0.1:{UnusedPort()}/v1";
        await using var services = LlmGradingServices.Build(settings);

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Equal("network error (no HTTP response) (retries exhausted)", ex.Message);
    }

    [Fact]
    public async Task GradingService_Repeated500s_OpensCircuitThenFailsFastToRubric()
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Error(500));
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:CircuitBreakerMinimumThroughput"] = "2";
        var logs = new ListLoggerProvider();
        await using var services = LlmGradingServices.Build(settings, configure: Capture(logs));
        var sut = services.GetRequiredService<GradingService>();
        var request = Request(StrongAnswer);

        var first = await sut.GradeAsync(request, "msteams:learner");
        var callsWhenOpened = llm.Requests.Count;
        var retriesWhenOpened = RetryDelays(logs).Count;
        var second = await sut.GradeAsync(request, "msteams:learner").WaitAsync(HangGuard);
        var direct = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(request).WaitAsync(HangGuard));

        Assert.Equal(2, callsWhenOpened); // failure ratio 1.0 over the minimum throughput of 2 opened it; the 3rd attempt never left
        // Failing fast, without a stopwatch: while open, no call left (so no attempt could time out) and no retry was
        // announced (so no backoff or Retry-After was waited out).
        Assert.Equal(callsWhenOpened, llm.Requests.Count);
        Assert.Equal(retriesWhenOpened, RetryDelays(logs).Count);
        Assert.Equal("circuit open (recent LLM calls failed)", FallbackReasons(logs)[1]);
        Assert.Equal("circuit open (recent LLM calls failed)", direct.Message);
        Assert.All([first, second], g =>
        {
            Assert.True(g.IsFallback);
            Assert.Equal(RubricGrader.GraderName, g.Grader);
        });
    }

    [Fact]
    public async Task GradeAsync_BreakDurationPassesOnInjectedClock_CircuitLetsATrialCallThroughAndCloses()
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i < 2 ? LlmReplies.Error(500) : Ok);
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:CircuitBreakerMinimumThroughput"] = "2";
        settings["Grading:Resilience:MaxRetryAttempts"] = "1";
        settings["Grading:Resilience:RetryBaseDelay"] = "00:00:00";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = LlmGradingServices.Build(settings, configure: s => s.AddSingleton<TimeProvider>(clock));
        var sut = CreateSut(services);
        var request = Request(StrongAnswer);
        await Assert.ThrowsAsync<GradingUnavailableException>(() => sut.GradeAsync(request)); // two 500s open the circuit

        var whileOpen = await Assert.ThrowsAsync<GradingUnavailableException>(() => sut.GradeAsync(request));
        clock.Advance(TimeSpan.FromSeconds(30)); // Grading:Resilience:CircuitBreakerBreakDuration default
        var trial = await sut.GradeAsync(request);
        var afterwards = await sut.GradeAsync(request);

        Assert.Equal("circuit open (recent LLM calls failed)", whileOpen.Message);
        Assert.Equal(80, trial.Overall);
        Assert.Equal(80, afterwards.Overall);
        Assert.Equal(4, llm.Requests.Count); // 2 failures, none while open, the trial call, one more once closed
    }

    [Fact]
    public async Task GradeAsync_EveryAttemptSlowerThanAttemptTimeout_TimesOutAfterRetries()
    {
        var neverInTime = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Hold = neverInTime.Task });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.300";
        settings["Grading:Resilience:MaxRetryAttempts"] = "1";
        settings["Grading:Resilience:TotalTimeout"] = "00:01:00"; // far off: only the attempt timeouts can end this grade
        await using var services = LlmGradingServices.Build(settings);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));
        neverInTime.SetResult();

        Assert.Equal("timed out: the last attempt exceeded 0.3 s (retries exhausted)", ex.Message);
        Assert.Equal(2, llm.Requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(600) - TimerSlack);
    }

    [Fact]
    public async Task GradeAsync_RetriesOutlastTotalTimeout_StopsAtTotalTimeout()
    {
        var neverInTime = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Hold = neverInTime.Task });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.400";
        settings["Grading:Resilience:TotalTimeout"] = "00:00:00.700";
        await using var services = LlmGradingServices.Build(settings);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));
        neverInTime.SetResult();

        // The LLM never answers and the attempts alone (3 of 0.4 s) would end with the attempt timeout's message.
        Assert.Equal("total timeout of 0.7 s exceeded", ex.Message);
        // At most one retry fits in 0.7 s; on a loaded machine the first connection may still be opening when the
        // total runs out, so the count is bounded rather than exact. What matters: it stopped at the total.
        Assert.InRange(llm.Requests.Count, 0, 2);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(700) - TimerSlack);
    }

    [Fact]
    public async Task GradingService_SlowLlm_AnswersWithRubricFallback()
    {
        var llmFinishes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Hold = llmFinishes.Task });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.150";
        settings["Grading:Resilience:TotalTimeout"] = "00:00:00.300";
        var logs = new ListLoggerProvider();
        await using var services = LlmGradingServices.Build(settings, configure: Capture(logs));

        // The LLM answers only once the grade is in: a grade that waited for it would never come (WaitAsync throws).
        var grade = await services.GetRequiredService<GradingService>().GradeAsync(Request(StrongAnswer), "msteams:learner").WaitAsync(HangGuard);
        llmFinishes.SetResult();

        Assert.True(grade.IsFallback);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        // Ended by the pipeline's timeouts (which of the two fires first is the scheduler's choice), not by the
        // client's network timeout seconds later.
        Assert.Matches(@"^(total timeout of 0\.3 s exceeded|timed out: the last attempt exceeded 0\.15 s \(retries exhausted\))$", Assert.Single(FallbackReasons(logs)));
    }

    [Fact]
    public async Task GradeAsync_CallerCancels_ThrowsOperationCanceledWithoutRetry()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var llm = await FakeLlmServer.StartAsync((_, _) =>
        {
            received.TrySetResult();
            return Ok with { Delay = TimeSpan.FromSeconds(10) };
        });
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));
        using var cancellation = new CancellationTokenSource();

        var grading = CreateSut(services).GradeAsync(Request(StrongAnswer), cancellation.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await cancellation.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grading);

        Assert.Equal(cancellation.Token, ex.CancellationToken);
        await Task.Delay(100); // a retry, had there been one, would have arrived by now
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task GradingService_SameAnswerTwice_SecondComesFromCacheWithoutCallingTheLlm()
    {
        await using var llm = await FakeLlmServer.StartAsync(Ok);
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));
        var sut = services.GetRequiredService<GradingService>();

        var first = await sut.GradeAsync(Request(StrongAnswer), "msteams:learner");
        var second = await sut.GradeAsync(Request(StrongAnswer), "msteams:learner");

        Assert.Single(llm.Requests);
        Assert.False(first.IsFallback);
        Assert.Equal("llm-gpt-4o-mini-p1", first.Grader);
        Assert.Same(first, second);
    }

    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    /// <summary>
    /// The container with <paramref name="logs"/> capturing its log and timeouts far beyond the waits under test, so
    /// that on a slow machine no timeout can cut a Retry-After wait short.
    /// </summary>
    private static ServiceProvider BuildPatient(Dictionary<string, string?> settings, ListLoggerProvider logs)
    {
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:30";
        settings["Grading:Resilience:TotalTimeout"] = "00:01:00";
        return LlmGradingServices.Build(settings, configure: Capture(logs));
    }

    /// <summary>Adds <paramref name="logs"/> to the container's logging.</summary>
    private static Action<IServiceCollection> Capture(ListLoggerProvider logs) => s => s.AddLogging(b => b.AddProvider(logs));

    /// <summary>The delays the retry strategy announced before its retries (event 3004), in order: exactly what it then waited.</summary>
    private static List<TimeSpan> RetryDelays(ListLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.EventId == 3004).Select(e => TimeSpan.FromMilliseconds(long.Parse(RetryingIn().Match(e.Message).Groups[1].Value, CultureInfo.InvariantCulture)))];

    /// <summary>The reasons the grading service gave for answering with the rubric grader (event 1201), in order.</summary>
    private static List<string> FallbackReasons(ListLoggerProvider logs) =>
        [.. logs.Entries.Where(e => e.EventId == 1201 && e.Category == typeof(GradingService).FullName).Select(e => e.Message[(e.Message.IndexOf(ReasonLabel, StringComparison.Ordinal) + ReasonLabel.Length)..])];

    [GeneratedRegex(@"retrying in (\d+) ms")]
    private static partial Regex RetryingIn();

    private static TimeSpan Gap(RecordedRequest first, RecordedRequest second) => Stopwatch.GetElapsedTime(first.Timestamp, second.Timestamp);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
