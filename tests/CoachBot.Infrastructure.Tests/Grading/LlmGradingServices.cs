using CoachBot.Core;
using CoachBot.Core.Grading;
using CoachBot.Infrastructure.Grading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>
/// Builds the container the way the host does (Core, then the LLM grading, configuration in the container) with small
/// resilience settings so failure tests finish in well under a second each.
/// </summary>
internal static class LlmGradingServices
{
    public static Dictionary<string, string?> OpenAI(FakeLlmServer server, string model = "gpt-4o-mini") => Fast(new()
    {
        ["Grading:Provider"] = "openai",
        ["Grading:OpenAI:Endpoint"] = server.OpenAIEndpoint,
        ["Grading:OpenAI:Model"] = model,
        ["Grading:OpenAI:ApiKey"] = "sk-test-key",
    });

    public static Dictionary<string, string?> Azure(FakeLlmServer server, string deployment = "grader-4o") => Fast(new()
    {
        ["Grading:Provider"] = "azure-openai",
        ["Grading:AzureOpenAI:Endpoint"] = server.BaseAddress.ToString(),
        ["Grading:AzureOpenAI:Deployment"] = deployment,
        ["Grading:AzureOpenAI:ApiKey"] = "azure-test-key",
    });

    public static ServiceProvider Build(IDictionary<string, string?> settings, bool llmFirst = false, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IGradeCache, InMemoryGradeCache>();
        if (llmFirst)
        {
            services.AddCoachBotLlmGrading(configuration);
            services.AddCoachBotCore();
        }
        else
        {
            services.AddCoachBotCore();
            services.AddCoachBotLlmGrading(configuration);
        }

        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static Dictionary<string, string?> Fast(Dictionary<string, string?> settings)
    {
        settings["Grading:Resilience:TotalTimeout"] = "00:00:05";
        settings["Grading:Resilience:AttemptTimeout"] = "00:00:02";
        settings["Grading:Resilience:MaxRetryAttempts"] = "2";
        settings["Grading:Resilience:RetryBaseDelay"] = "00:00:00.010";
        settings["Grading:Resilience:MaxRetryAfter"] = "00:00:02";
        settings["Grading:Resilience:CircuitBreakerMinimumThroughput"] = "10";
        return settings;
    }
}
