using CoachBot.Core.Channels;
using CoachBot.Core.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CoachBot.Bot.ChannelSending;

/// <summary>Registration of the study-channel sender.</summary>
public static class ChannelSendingServiceCollectionExtensions
{
    /// <summary>The name of the retry pipeline around every channel send in the Polly registry.</summary>
    public const string PipelineName = ChannelSendPipeline.Name;

    /// <summary>
    /// Registers <see cref="IChannelMessenger"/> (rate-limited, retrying), <see cref="ChannelSendingOptions"/>
    /// (section <c>ChannelSending</c>, validated at start) and the named Polly pipeline <see cref="PipelineName"/>.
    /// Requires the bot layer (<c>AddCoachBotBotFramework</c>): it sends through the bot's adapter.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>ChannelSending</c> section.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCoachBotChannelSending(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ChannelSendingOptions>()
            .Bind(configuration.GetSection(ChannelSendingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendLimiter>();
        services.TryAddSingleton<CoachBotMeter>();
        services.TryAddSingleton<SendTelemetry>();
        services.TryAddSingleton<ProactiveConnector>();
        services.AddResiliencePipeline(PipelineName, static (builder, context) =>
        {
            var sp = context.ServiceProvider;
            ChannelSendPipeline.Configure(
                builder,
                sp.GetRequiredService<IOptions<ChannelSendingOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChannelSendPipeline).FullName!));
        });
        services.TryAddSingleton<IChannelMessenger, ChannelMessenger>();
        return services;
    }
}
