using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>
/// Defence in depth: the loopback LLM is "fooled" (full marks, no flags) and the rubric grader's checks still cap
/// the grade.
/// </summary>
public sealed class LlmGradeDefenceTests
{
    private static IAnswerGrader CreateSut(ServiceProvider services) => services.GetRequiredService<IAnswerGrader>();

    [Fact]
    public async Task GradeAsync_InjectionAnswerGivenFullMarksByLlm_IsFlaggedAndCappedAt10()
    {
        var request = Request(InjectionAnswer);
        Assert.Contains(GradeFlags.PromptInjection, new RubricGrader().Grade(request).Flags); // precondition: the rubric sees it
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 100, "Security matters to customers"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(request);

        Assert.Contains(GradeFlags.PromptInjection, grade.Flags);
        Assert.True(grade.Overall <= 10, $"overall {grade.Overall}");
        Assert.All(grade.Models, m => Assert.True(m.Score <= 10, $"{m.Slug} {m.Score}"));
        Assert.NotEqual("Close with the customer outcome in numbers.", grade.Tip); // the rubric's tip explains the flag
        Assert.Equal(new RubricGrader().Grade(request).Tip, grade.Tip);
    }

    [Fact]
    public async Task GradeAsync_TooShortAnswerGivenHighMarksByLlm_IsFlaggedAndCappedAt30()
    {
        var request = Request("Customer trust matters most.");
        Assert.Contains(GradeFlags.TooShort, new RubricGrader().Grade(request).Flags);
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 90, "Customer trust matters most"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(request);

        Assert.Contains(GradeFlags.TooShort, grade.Flags);
        Assert.Equal(30, grade.Overall);
    }

    [Fact]
    public async Task GradeAsync_KeywordStuffedAnswerGivenHighMarksByLlm_IsFlaggedAndCappedAt30()
    {
        var request = Request(StuffedAnswer);
        Assert.Contains(GradeFlags.KeywordStuffing, new RubricGrader().Grade(request).Flags);
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 95, "customer trust"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(request);

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Overall <= 30, $"overall {grade.Overall}");
    }

    [Fact]
    public async Task GradeAsync_LlmRaisesInjectionItself_KeepsItsTipAndCaps()
    {
        const string answer = "Customers stay when we keep their data safe, so I ship passkeys and measure fewer takeovers every quarter.";
        var request = Request(answer);
        Assert.Empty(new RubricGrader().Grade(request).Flags.Intersect([GradeFlags.PromptInjection]));
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 70, "I ship passkeys", GradeFlags.PromptInjection));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(request);

        Assert.Equal([GradeFlags.PromptInjection], grade.Flags);
        Assert.Equal(10, grade.Overall);
        Assert.Equal("Close with the customer outcome in numbers.", grade.Tip);
    }

    [Fact]
    public async Task GradeAsync_HonestAnswer_IsNotCapped()
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(Set, 92, "sign-in failures fell 40%"));
        await using var services = LlmGradingServices.Build(LlmGradingServices.OpenAI(llm));

        var grade = await CreateSut(services).GradeAsync(Request(StrongAnswer));

        Assert.Empty(grade.Flags);
        Assert.Equal(92, grade.Overall);
    }

    private const string StuffedAnswer =
        "Customer trust security scale innovation quantified impact customer obsession trust metrics customer experience "
        + "security scale innovation enablement customer-first security quantified impact retention satisfaction trust.";
}
