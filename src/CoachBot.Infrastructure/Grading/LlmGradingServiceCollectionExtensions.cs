using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Infrastructure.Grading;

/// <summary>Registration of the LLM grader.</summary>
public static class LlmGradingServiceCollectionExtensions
{
    /// <summary>The name of the resilience pipeline around LLM calls in the Polly registry.</summary>
    public const string PipelineName = LlmResiliencePipeline.Name;

    /// <summary>
    /// Registers the LLM grader selected by <c>Grading:Provider</c>. With <c>rubric</c> (the default) it registers
    /// nothing. With <c>azure-openai</c> or <c>openai</c> it registers, each validated at start: <see cref="LlmOptions"/>
    /// (<c>Grading:Llm</c>), <see cref="GradingResilienceOptions"/> (<c>Grading:Resilience</c>) and the provider's
    /// options (<see cref="AzureOpenAIOptions"/> or <see cref="OpenAIOptions"/>); the chat client; the named Polly
    /// pipeline <see cref="PipelineName"/>; and the LLM grader in place of Core's <see cref="IAnswerGrader"/> (whether
    /// Core registered first or not). <see cref="GradingService"/> then caches its grades and falls back to the rubric
    /// grader when it fails.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration; <c>Grading:Provider</c> is read now, the option sections are bound from the container's configuration.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="InvalidOperationException"><c>Grading:Provider</c> is not one of the three providers.</exception>
    public static IServiceCollection AddCoachBotLlmGrading(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var provider = configuration[$"{GradingOptions.SectionName}:{nameof(GradingOptions.Provider)}"]?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals(GradingOptions.RubricProvider, StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var azure = provider.Equals(GradingOptions.AzureOpenAIProvider, StringComparison.OrdinalIgnoreCase);
        if (!azure && !provider.Equals(GradingOptions.OpenAIProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Grading:Provider '{provider}' is not supported: use rubric, azure-openai or openai.");
        }

        AddValidated<LlmOptions>(services, LlmOptions.SectionName);
        AddValidated<GradingResilienceOptions>(services, GradingResilienceOptions.SectionName);
        if (azure)
        {
            AddValidated<AzureOpenAIOptions>(services, AzureOpenAIOptions.SectionName);
            services.TryAddSingleton(sp => LlmChatClient.ForAzure(
                sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value,
                sp.GetRequiredService<IOptions<GradingResilienceOptions>>().Value));
        }
        else
        {
            AddValidated<OpenAIOptions>(services, OpenAIOptions.SectionName);
            services.TryAddSingleton(sp => LlmChatClient.ForOpenAI(
                sp.GetRequiredService<IOptions<OpenAIOptions>>().Value,
                sp.GetRequiredService<IOptions<GradingResilienceOptions>>().Value));
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RubricGrader>();
        services.TryAddSingleton<CoachBotMeter>();
        services.TryAddSingleton<LlmMetrics>();
        services.AddResiliencePipeline(PipelineName, static (builder, context) =>
        {
            var sp = context.ServiceProvider;
            LlmResiliencePipeline.Configure(
                builder,
                sp.GetRequiredService<IOptions<GradingResilienceOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LlmResiliencePipeline).FullName!));
        });

        // Replace, not TryAdd: Core's TryAddSingleton of the rubric grader may come before or after this call.
        services.Replace(ServiceDescriptor.Singleton<IAnswerGrader, LlmAnswerGrader>());
        return services;
    }

    private static void AddValidated<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
