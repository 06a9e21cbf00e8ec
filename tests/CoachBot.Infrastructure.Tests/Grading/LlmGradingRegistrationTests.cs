using CoachBot.Core.Grading;
using CoachBot.Infrastructure.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>What <c>AddCoachBotLlmGrading</c> registers for each provider, and how it validates its settings.</summary>
public sealed class LlmGradingRegistrationTests
{
    private static ServiceProvider CreateSut(Dictionary<string, string?> settings, bool llmFirst = false) =>
        LlmGradingServices.Build(settings, llmFirst);

    private static Dictionary<string, string?> OpenAI(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Grading:Provider"] = "openai",
            ["Grading:OpenAI:Model"] = "gpt-4o-mini",
            ["Grading:OpenAI:ApiKey"] = "sk-test",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rubric")]
    [InlineData("Rubric")]
    public void AddCoachBotLlmGrading_RubricProvider_RegistersNothingOfTheLlm(string? provider)
    {
        using var services = CreateSut(new() { ["Grading:Provider"] = provider });

        Assert.IsType<RubricGrader>(services.GetRequiredService<IAnswerGrader>());
        Assert.Null(services.GetService<ResiliencePipelineProvider<string>>());
        Assert.Null(services.GetService<LlmChatClient>());
        Assert.Empty(services.GetServices<IValidateOptions<LlmOptions>>());
        Assert.False(services.GetRequiredService<GradingService>().UsesLlm);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddCoachBotLlmGrading_OpenAIProvider_ReplacesCoreGraderWhicheverOrder(bool llmFirst)
    {
        using var services = CreateSut(OpenAI(), llmFirst);

        var grader = services.GetRequiredService<IAnswerGrader>();

        Assert.Equal("llm-gpt-4o-mini-p1", grader.Name);
        Assert.Equal(GraderKind.Llm, grader.Kind);
        Assert.Single(services.GetServices<IAnswerGrader>());
        Assert.True(services.GetRequiredService<GradingService>().UsesLlm);
    }

    [Fact]
    public void AddCoachBotLlmGrading_UnknownProvider_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CreateSut(new() { ["Grading:Provider"] = "gemini" }));

        Assert.Contains("Grading:Provider 'gemini'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Grading:OpenAI:Model", null, "Grading:OpenAI:Model")]
    [InlineData("Grading:OpenAI:ApiKey", "", "Grading:OpenAI:ApiKey is required for api.openai.com")]
    [InlineData("Grading:OpenAI:Endpoint", "not a url", "Grading:OpenAI:Endpoint")]
    [InlineData("Grading:Llm:Temperature", "3", "Grading:Llm:Temperature")]
    [InlineData("Grading:Llm:MaxOutputTokens", "10", "Grading:Llm:MaxOutputTokens")]
    [InlineData("Grading:Resilience:MaxRetryAttempts", "0", "Grading:Resilience:MaxRetryAttempts")]
    [InlineData("Grading:Resilience:AttemptTimeout", "00:01:00", "AttemptTimeout must not exceed Grading:Resilience:TotalTimeout")]
    [InlineData("Grading:Resilience:CircuitBreakerFailureRatio", "0", "Grading:Resilience:CircuitBreakerFailureRatio")]
    [InlineData("Grading:Resilience:CircuitBreakerBreakDuration", "00:00:00.100", "Grading:Resilience:CircuitBreakerBreakDuration")]
    public void Validate_InvalidSetting_FailsAtStartWithClearMessage(string key, string? value, string message)
    {
        using var services = CreateSut(OpenAI((key, value)));

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalServerWithoutKey_IsValid()
    {
        using var services = CreateSut(OpenAI(("Grading:OpenAI:Endpoint", "http://localhost:11434/v1"), ("Grading:OpenAI:ApiKey", null)));

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("llm-gpt-4o-mini-p1", services.GetRequiredService<IAnswerGrader>().Name);
    }

    [Fact]
    public void Validate_AzureWithoutEndpointOrDeployment_NamesBothKeys()
    {
        using var services = CreateSut(new() { ["Grading:Provider"] = "azure-openai" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Grading:AzureOpenAI:Endpoint", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Grading:AzureOpenAI:Deployment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AzureEntraIdOverPlainHttp_FailsAtStart()
    {
        using var services = CreateSut(new()
        {
            ["Grading:Provider"] = "azure-openai",
            ["Grading:AzureOpenAI:Endpoint"] = "http://coachbot-test.openai.azure.com/",
            ["Grading:AzureOpenAI:Deployment"] = "gpt-4o-mini",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("must use https when no Grading:AzureOpenAI:ApiKey is set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachBotLlmGrading_AzureWithoutApiKey_UsesEntraId()
    {
        using var services = CreateSut(new()
        {
            ["Grading:Provider"] = "azure-openai",
            ["Grading:AzureOpenAI:Endpoint"] = "https://coachbot-test.openai.azure.com/",
            ["Grading:AzureOpenAI:Deployment"] = "gpt-4o-mini",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;

        Assert.False(options.UsesApiKey);
        Assert.Equal(LlmAuthentication.EntraId, services.GetRequiredService<LlmChatClient>().Authentication); // no call is made
        Assert.Equal("llm-gpt-4o-mini-p1", services.GetRequiredService<IAnswerGrader>().Name);
    }

    [Fact]
    public void Pipeline_Defaults_IsTotalTimeoutRetryCircuitBreakerAttemptTimeout()
    {
        using var services = CreateSut(OpenAI());

        var descriptor = services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(LlmGradingServiceCollectionExtensions.PipelineName)
            .GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            total => Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<TimeoutStrategyOptions>(total.Options).Timeout),
            retry =>
            {
                var options = Assert.IsType<RetryStrategyOptions>(retry.Options);
                Assert.Equal(3, options.MaxRetryAttempts);
                Assert.Equal(TimeSpan.FromSeconds(1), options.Delay);
                Assert.Equal(DelayBackoffType.Exponential, options.BackoffType);
                Assert.True(options.UseJitter);
                Assert.NotNull(options.DelayGenerator);
            },
            breaker =>
            {
                var options = Assert.IsType<CircuitBreakerStrategyOptions>(breaker.Options);
                Assert.Equal(0.5, options.FailureRatio);
                Assert.Equal(4, options.MinimumThroughput);
                Assert.Equal(TimeSpan.FromSeconds(30), options.SamplingDuration);
                Assert.Equal(TimeSpan.FromSeconds(30), options.BreakDuration);
            },
            attempt => Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<TimeoutStrategyOptions>(attempt.Options).Timeout));
        Assert.Equal(["total-timeout", "retry", "circuit-breaker", "attempt-timeout"], descriptor.Strategies.Select(s => s.Options!.Name));
    }

    [Fact]
    public void Pipeline_ConfiguredValues_FlowIntoStrategies()
    {
        using var services = CreateSut(OpenAI(
            ("Grading:Resilience:TotalTimeout", "00:00:45"),
            ("Grading:Resilience:AttemptTimeout", "00:00:12"),
            ("Grading:Resilience:MaxRetryAttempts", "5"),
            ("Grading:Resilience:RetryBaseDelay", "00:00:02"),
            ("Grading:Resilience:CircuitBreakerFailureRatio", "0.8"),
            ("Grading:Resilience:CircuitBreakerMinimumThroughput", "10"),
            ("Grading:Resilience:CircuitBreakerSamplingDuration", "00:01:00"),
            ("Grading:Resilience:CircuitBreakerBreakDuration", "00:00:05")));

        var strategies = services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(LlmGradingServiceCollectionExtensions.PipelineName)
            .GetPipelineDescriptor().Strategies;

        Assert.Equal(TimeSpan.FromSeconds(45), ((TimeoutStrategyOptions)strategies[0].Options!).Timeout);
        Assert.Equal(5, ((RetryStrategyOptions)strategies[1].Options!).MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), ((RetryStrategyOptions)strategies[1].Options!).Delay);
        var breaker = (CircuitBreakerStrategyOptions)strategies[2].Options!;
        Assert.Equal((0.8, 10, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)), (breaker.FailureRatio, breaker.MinimumThroughput, breaker.SamplingDuration, breaker.BreakDuration));
        Assert.Equal(TimeSpan.FromSeconds(12), ((TimeoutStrategyOptions)strategies[3].Options!).Timeout);
    }
}
