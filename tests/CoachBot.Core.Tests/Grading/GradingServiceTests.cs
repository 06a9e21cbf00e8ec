using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;
using CoachBot.Core.Tests.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Core.Tests.Grading;

public sealed class GradingServiceTests : IDisposable
{
    private const string Answer = "Customer trust comes first: MFA by default cut takeovers from 40,000 to 9,000 a month.";
    private static readonly QuestionSet Set = AmazonSet.Build();
    private readonly InMemoryGradeCache _cache = new();
    private readonly CoachBotMeter _meter = new();

    public void Dispose() => _meter.Dispose();

    private GradingService CreateSut(IAnswerGrader primary) => new(primary, new RubricGrader(), _cache, new GradingMetrics(_meter), NullLogger<GradingService>.Instance);

    private static GradingRequest Request(string answer = Answer) => new(Set, Set.Question(AmazonSet.Practice), answer);

    [Fact]
    public async Task GradeAsync_RubricConfigured_RubricGradeAndNothingCached()
    {
        var sut = CreateSut(new RubricGrader());

        var grade = await sut.GradeAsync(Request(), "u1");

        Assert.Equal(new RubricGrader().Grade(Request()).Overall, grade.Overall);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        Assert.False(grade.IsFallback);
        Assert.Empty(_cache.Entries);
        Assert.False(sut.UsesLlm);
    }

    [Fact]
    public async Task GradeAsync_LlmSucceeds_ReturnsLlmGradeAndCachesItWithTheOwner()
    {
        var llm = new StubLlm();
        var sut = CreateSut(llm);

        var grade = await sut.GradeAsync(Request(), "u1");

        Assert.Equal(88, grade.Overall);
        Assert.Equal("llm-stub-p1", grade.Grader);
        var entry = Assert.Single(_cache.Entries);
        Assert.Equal("u1", entry.Value.Owner);
        Assert.True(sut.UsesLlm);
    }

    [Fact]
    public async Task GradeAsync_SameAnswerAgain_ServedFromCacheWithoutCallingTheLlm()
    {
        var llm = new StubLlm();
        var sut = CreateSut(llm);

        var first = await sut.GradeAsync(Request(), "u1");
        var second = await sut.GradeAsync(Request("  " + Answer + "\n"), "u2");

        Assert.Equal(1, llm.Calls);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task GradeAsync_DifferentAnswer_CallsTheLlmAgain()
    {
        var llm = new StubLlm();
        var sut = CreateSut(llm);

        await sut.GradeAsync(Request(), "u1");
        await sut.GradeAsync(Request(Answer + " And it kept checkout fast."), "u1");

        Assert.Equal(2, llm.Calls);
    }

    [Fact]
    public async Task GradeAsync_LlmUnavailable_RubricGradeMarkedFallbackAndNotCached()
    {
        var sut = CreateSut(new StubLlm { Fail = true });

        var grade = await sut.GradeAsync(Request(), "u1");

        Assert.True(grade.IsFallback);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        Assert.Equal(new RubricGrader().Grade(Request()).Overall, grade.Overall);
        Assert.Empty(_cache.Entries);
    }

    [Fact]
    public async Task GradeAsync_RubricOnlyRequested_LlmNeverCalled()
    {
        var llm = new StubLlm();
        var sut = CreateSut(llm);

        var grade = await sut.GradeAsync(Request(), null, rubricOnly: true);

        Assert.Equal(0, llm.Calls);
        Assert.Equal(RubricGrader.GraderName, grade.Grader);
        Assert.False(grade.IsFallback);
    }

    [Fact]
    public async Task GradeAsync_CallerCancels_CancellationPropagatesInsteadOfFallback()
    {
        var sut = CreateSut(new StubLlm { Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GradeAsync(Request(), "u1", cancellationToken: cts.Token));
    }

    [Fact]
    public async Task GradeAsync_Rubric_RecordsTheDurationAndASpanWithTheScore_NeverTheAnswer()
    {
        using var metrics = new MetricCapture(_meter.Meter);
        using var spans = new SpanCapture();

        var grade = await CreateSut(new RubricGrader()).GradeAsync(Request(), "u1");

        var duration = Assert.Single(metrics.Of("coachbot.grading.duration"));
        Assert.True(duration.Has(("grader", RubricGrader.GraderName), ("cached", "false"), ("fallback", "false")), string.Join(",", duration.Tags));
        Assert.InRange(duration.Value, 0, 10);
        Assert.Empty(metrics.Of("coachbot.grading.fallbacks"));
        var span = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.grade");
        Assert.Equal(spans.Root.SpanId, span.ParentSpanId);
        Assert.Equal(RubricGrader.GraderName, span.GetTagItem("coachbot.grader"));
        Assert.Equal(grade.Overall, span.GetTagItem("coachbot.grade.score"));
        Assert.Equal(false, span.GetTagItem("coachbot.grade.fallback"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string text && text.Contains("MFA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GradeAsync_LlmUnavailable_CountsAFallbackOfTheLlm()
    {
        using var metrics = new MetricCapture(_meter.Meter);

        await CreateSut(new StubLlm { Fail = true }).GradeAsync(Request(), "u1");

        Assert.Equal(1, metrics.Sum("coachbot.grading.fallbacks", ("grader", "llm-stub-p1")));
        Assert.Single(metrics.Of("coachbot.grading.duration", ("grader", "llm-stub-p1"), ("cached", "false"), ("fallback", "true")));
    }

    [Fact]
    public async Task GradeAsync_SameAnswerAgain_SecondGradeRecordedAsCached()
    {
        using var metrics = new MetricCapture(_meter.Meter);
        var sut = CreateSut(new StubLlm());

        await sut.GradeAsync(Request(), "u1");
        await sut.GradeAsync(Request(), "u1");

        Assert.Single(metrics.Of("coachbot.grading.duration", ("grader", "llm-stub-p1"), ("cached", "false"), ("fallback", "false")));
        Assert.Single(metrics.Of("coachbot.grading.duration", ("grader", "llm-stub-p1"), ("cached", "true"), ("fallback", "false")));
        Assert.Empty(metrics.Of("coachbot.grading.fallbacks"));
    }

    [Fact]
    public async Task GradeAsync_CallerCancels_SpanMarkedFailedAndNoDurationRecorded()
    {
        using var metrics = new MetricCapture(_meter.Meter);
        using var spans = new SpanCapture();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(new StubLlm { Delay = TimeSpan.FromSeconds(30) }).GradeAsync(Request(), "u1", cancellationToken: cts.Token));

        Assert.Empty(metrics.Of("coachbot.grading.duration"));
        var span = Assert.Single(spans.Spans, s => s.OperationName == "coachbot.grade");
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void GradeCacheKey_DependsOnGraderVersionQuestionAndAnswer_NotOnSurroundingWhitespace()
    {
        var request = Request();
        var key = GradeCacheKey.For(request, "llm-a-p1");

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain("MFA", key, StringComparison.Ordinal);
        Assert.Equal(key, GradeCacheKey.For(request with { Answer = $"\n{Answer}  " }, "llm-a-p1"));
        Assert.NotEqual(key, GradeCacheKey.For(request, "llm-a-p2"));
        Assert.NotEqual(key, GradeCacheKey.For(request with { Set = Set with { Version = 2 } }, "llm-a-p1"));
        Assert.NotEqual(key, GradeCacheKey.For(request with { Question = Set.Question(AmazonSet.TradeOff) }, "llm-a-p1"));
        Assert.NotEqual(key, GradeCacheKey.For(request with { Answer = Answer + "!" }, "llm-a-p1"));
    }

    private sealed class StubLlm : IAnswerGrader
    {
        public bool Fail { get; init; }

        public TimeSpan Delay { get; init; }

        public int Calls { get; private set; }

        public string Name => "llm-stub-p1";

        public GraderKind Kind => GraderKind.Llm;

        public async Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
        {
            Calls++;
            await Task.Delay(Delay, cancellationToken);
            return Fail
                ? throw new GradingUnavailableException("stub outage")
                : new GradeResult(88, [], "tip", [], Name);
        }
    }

    private sealed class InMemoryGradeCache : IGradeCache
    {
        public Dictionary<string, (GradeResult Grade, string? Owner)> Entries { get; } = [];

        public Task<GradeResult?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            Task.FromResult(Entries.TryGetValue(key, out var entry) ? entry.Grade : null);

        public Task SetAsync(string key, GradeResult grade, string? ownerKey, CancellationToken cancellationToken = default)
        {
            Entries.TryAdd(key, (grade, ownerKey));
            return Task.CompletedTask;
        }
    }
}
