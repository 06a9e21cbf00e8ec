using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>The resilience pipeline against a real loopback server: retries, Retry-After, the circuit, timeouts.</summary>
public sealed class LlmResilienceTests
{
    private const string Quote = "sign-in failures fell 40%";

    // .NET timers run on a millisecond tick and may fire up to a tick or two before a Stopwatch says the time is up.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    private static FakeReply Ok => LlmReplies.Grade(Set, 80, Quote);

    private static IAnswerGrader CreateSut(ServiceProvider services) => services.GetRequiredService<IAnswerGrader>();

    [Fact]
    public async Task GradeAsync_429WithRetryAfterOneSecond_RetriesNoSoonerThanOneSecondLater()
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(429, Header("Retry-After", "1")) : Ok);
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Equal(80, grade.Overall);
        Assert.Equal(2, llm.Requests.Count);
        var gap = Gap(llm.Requests[0], llm.Requests[1]);
        Assert.InRange(gap, TimeSpan.FromSeconds(1) - TimerSlack, TimeSpan.FromSeconds(2.5)); // backoff alone would be ~10 ms
    }

    [Fact]
    public async Task GradeAsync_429WithRetryAfterMs_WaitsTheMilliseconds()
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(429, Header("retry-after-ms", "400")) : Ok);
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.InRange(Gap(llm.Requests[0], llm.Requests[1]), TimeSpan.FromMilliseconds(400) - TimerSlack, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task GradeAsync_RetryAfterBeyondMaxRetryAfter_WaitsOnlyTheCap()
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(503, Header("Retry-After", "120")) : Ok);
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:MaxRetryAfter"] = "00:00:00.300";
        await using var services = LlmGradingServices.Build(settings);

        await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.InRange(Gap(llm.Requests[0], llm.Requests[1]), TimeSpan.FromMilliseconds(300) - TimerSlack, TimeSpan.FromSeconds(2));
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
        await using var services = LlmGradingServices.Build(settings);
        var sut = services.GetRequiredService<GradingService>();
        var request = Request(StrongAnswer);

        var first = await sut.GradeAsync(request, "msteams:learner");
        var callsWhenOpened = llm.Requests.Count;
        var started = Stopwatch.GetTimestamp();
        var second = await sut.GradeAsync(request, "msteams:learner");
        var direct = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(request));

        Assert.Equal(2, callsWhenOpened); // failure ratio 1.0 over the minimum throughput of 2 opened it; the 3rd attempt never left
        Assert.Equal(callsWhenOpened, llm.Requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
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
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Delay = TimeSpan.FromSeconds(10) });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.300";
        settings["Grading:Resilience:MaxRetryAttempts"] = "1";
        await using var services = LlmGradingServices.Build(settings);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Equal("timed out: the last attempt exceeded 0.3 s (retries exhausted)", ex.Message);
        Assert.Equal(2, llm.Requests.Count);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(600) - TimerSlack, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task GradeAsync_RetriesOutlastTotalTimeout_StopsAtTotalTimeout()
    {
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Delay = TimeSpan.FromSeconds(10) });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.400";
        settings["Grading:Resilience:TotalTimeout"] = "00:00:00.700";
        await using var services = LlmGradingServices.Build(settings);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<GradingUnavailableException>(() => CreateSut(services).GradeAsync(Request(StrongAnswer)));

        Assert.Equal("total timeout of 0.7 s exceeded", ex.Message);
        // At most one retry fits in 0.7 s; on a loaded machine the first connection may still be opening when the
        // total runs out, so the count is bounded rather than exact. What matters: it stopped at the total.
        Assert.InRange(llm.Requests.Count, 0, 2);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(700) - TimerSlack, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task GradingService_SlowLlm_AnswersWithRubricFallback()
    {
        await using var llm = await FakeLlmServer.StartAsync(Ok with { Delay = TimeSpan.FromSeconds(10) });
        var settings = LlmGradingServices.OpenAI(llm);
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:00.150";
        settings["Grading:Resilience:TotalTimeout"] = "00:00:00.300";
        await using var services = LlmGradingServices.Build(settings);
        var started = Stopwatch.GetTimestamp();

        var grade = await services.GetRequiredService<GradingService>().GradeAsync(Request(StrongAnswer), "msteams:learner");

        Assert.True(grade.IsFallback);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
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

    private static TimeSpan Gap(RecordedRequest first, RecordedRequest second) => Stopwatch.GetElapsedTime(first.Timestamp, second.Timestamp);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
