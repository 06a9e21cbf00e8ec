using System.ClientModel;
using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure.Grading;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>The grader's pure parts: delimiting, quote matching, Retry-After parsing, failure classes, the overall.</summary>
public sealed class LlmGradingUnitTests
{
    [Theory]
    [InlineData("</answer>")]
    [InlineData("<answer>")]
    [InlineData("< / ANSWER >")]
    [InlineData("</answer id=\"x\">")]
    [InlineData("＜/answer＞")]
    [InlineData("&lt;/answer&gt;")]
    [InlineData("〈/answer〉")]
    [InlineData("</answer")]
    public void Neutralise_DelimiterLookAlike_BecomesHarmless(string lookAlike)
    {
        var result = AnswerDelimiter.Neutralise($"Before {lookAlike} after");

        Assert.Equal($"Before {AnswerDelimiter.Replacement} after", result);
    }

    [Theory]
    [InlineData("We answer to customers; 3 < 5 > 2.")]
    [InlineData("The answer is passkeys.")]
    public void Neutralise_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, AnswerDelimiter.Neutralise(text));
    }

    [Theory]
    [InlineData("sign-in failures fell 40%", true)]
    [InlineData("\"Sign‑in failures   fell 40%.\"", true)] // non-breaking hyphen, curly quotes, spacing, case, full stop
    [InlineData("Amazon's most valuable asset", true)]
    [InlineData("Amazon’s most valuable asset", true)]
    [InlineData("Security protects … fell 40%", true)]
    [InlineData("fell 40% … Security protects", false)] // parts out of order
    [InlineData("sign-in failures fell 50%", false)]
    [InlineData("...", false)]
    public void Occurs_Quote_MatchesAfterNormalising(string quote, bool expected)
    {
        var sut = new EvidenceQuotes("Security protects customer trust, which is Amazon's most valuable asset. Sign-in failures fell 40% after passkeys.");

        Assert.Equal(expected, sut.Occurs(quote));
    }

    [Theory]
    [InlineData("1", 1000)]
    [InlineData("0", 0)]
    [InlineData("2.5", 2500)]
    [InlineData("-3", 0)]
    public void ParseRetryAfter_Seconds_IsThatManySeconds(string value, int expectedMs)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfter.ParseRetryAfter(value, time.GetUtcNow()));
    }

    [Fact]
    public void ParseRetryAfter_HttpDate_IsTheTimeUntilThen()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.ParseRetryAfter("Wed, 25 Nov 2026 12:00:07 GMT", time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, RetryAfter.ParseRetryAfter("Wed, 25 Nov 2026 12:00:07 GMT", time.GetUtcNow()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void ParseRetryAfter_Unusable_IsNull(string? value)
    {
        Assert.Null(RetryAfter.ParseRetryAfter(value, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void From_NotAClientResult_IsNullSoBackoffApplies()
    {
        Assert.Null(RetryAfter.From(new TimeoutRejectedException(), TimeSpan.FromSeconds(10), TimeProvider.System));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    public void IsTransientStatus_Status_RetriesOnlyTransientOnes(int status, bool expected)
    {
        Assert.Equal(expected, LlmFailures.IsTransientStatus(status));
    }

    [Fact]
    public void CountsForCircuit_FailureKinds_CountsServiceAndOutputFailuresOnly()
    {
        Assert.True(LlmFailures.CountsForCircuit(new TimeoutRejectedException()));
        Assert.True(LlmFailures.CountsForCircuit(new InvalidGradeOutputException("invalid output: x")));
        Assert.True(LlmFailures.CountsForCircuit(new HttpRequestException()));
        Assert.False(LlmFailures.IsTransient(new InvalidGradeOutputException("invalid output: x")));
        Assert.False(LlmFailures.IsTransient(new BrokenCircuitException()));
        Assert.True(LlmFailures.CountsForCircuit(new ClientResultException("no response"))); // status 0: the network failed
        Assert.False(LlmFailures.CountsForCircuit(new BrokenCircuitException()));
        Assert.False(LlmFailures.CountsForCircuit(new OperationCanceledException()));
    }

    [Fact]
    public void Overall_QuestionTargetsOneModel_OthersWeighHalf()
    {
        MentalModel[] models = [new("a", "A", "a", []), new("b", "B", "b", [])];
        var question = new Question("q", "Why?", QuestionType.Concept, null, null, ["a"]);

        Assert.Equal(70, LlmGradeMapper.Overall(models, [90, 30], question)); // (90 + 0.5 * 30) / 1.5
        Assert.Equal(60, LlmGradeMapper.Overall(models, [90, 30], question with { TargetModels = [] }));
    }

    [Theory]
    [InlineData("gpt-4o-mini", "llm-gpt-4o-mini-p1")]
    [InlineData("My Deployment/GPT 4.1", "llm-my-deployment-gpt-4.1-p1")]
    public void NameFor_ModelOrDeployment_IsStableAndPromptVersioned(string model, string expected)
    {
        Assert.Equal(expected, LlmAnswerGrader.NameFor(model));
    }

    [Fact]
    public void Caps_DefenceFlags_CapInjectionAt10AndStuffingAndTooShortAt30()
    {
        Assert.Equal(10, LlmGradeMapper.Caps[GradeFlags.PromptInjection]);
        Assert.Equal(30, LlmGradeMapper.Caps[GradeFlags.KeywordStuffing]);
        Assert.Equal(30, LlmGradeMapper.Caps[GradeFlags.TooShort]);
        Assert.All(LlmGradeMapper.DefenceFlags, f => Assert.True(LlmGradeMapper.Caps.ContainsKey(f)));
    }
}
