using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using CoachBot.Core.Tests.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>LLM calls and tokens as the metrics count them: every HTTP attempt, with the provider and how it ended.</summary>
public sealed class LlmMetricsTests
{
    [Fact]
    public async Task GradeAsync_Success_OneSuccessfulCallAndTheReportedTokens()
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 80, "sign-in failures fell 40%"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.Azure(llm));
        using var metrics = new MetricCapture(services.GetRequiredService<CoachBotMeter>().Meter);

        await services.GetRequiredService<GradingService>().GradeAsync(Request(StrongAnswer), "msteams:learner");

        Assert.Equal(1, metrics.Sum("coachbot.llm.calls", ("provider", "azure-openai"), ("outcome", "success")));
        Assert.Equal(1, metrics.Sum("coachbot.llm.calls"));
        Assert.Equal(812, metrics.Sum("coachbot.llm.tokens", ("provider", "azure-openai"), ("kind", "input")));
        Assert.Equal(164, metrics.Sum("coachbot.llm.tokens", ("provider", "azure-openai"), ("kind", "output")));
    }

    [Fact]
    public async Task GradeAsync_ServerErrorThenInvalidOutput_EachAttemptCountedAndTheFallbackToo()
    {
        await using var llm = await FakeLlmServer.StartAsync((_, i) => i == 0 ? LlmReplies.Error(500) : LlmReplies.Grade(Set, 80, "a quote the candidate never wrote"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));
        using var metrics = new MetricCapture(services.GetRequiredService<CoachBotMeter>().Meter);

        var grade = await services.GetRequiredService<GradingService>().GradeAsync(Request(StrongAnswer), "msteams:learner");

        Assert.True(grade.IsFallback);
        Assert.Equal(1, metrics.Sum("coachbot.llm.calls", ("provider", "openai"), ("outcome", "failure")));
        Assert.Equal(1, metrics.Sum("coachbot.llm.calls", ("provider", "openai"), ("outcome", "invalid")));
        Assert.Equal(0, metrics.Sum("coachbot.llm.calls", ("outcome", "success")));
        Assert.Equal(812, metrics.Sum("coachbot.llm.tokens", ("kind", "input"))); // the rejected reply's tokens were spent all the same
        Assert.Equal(1, metrics.Sum("coachbot.grading.fallbacks", ("grader", "llm-gpt-4o-mini-p1")));
    }
}
