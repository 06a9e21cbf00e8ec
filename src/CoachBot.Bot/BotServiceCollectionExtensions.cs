using CoachBot.Bot.Adapter;
using CoachBot.Bot.Handlers;
using CoachBot.Bot.Rendering;
using CoachBot.Bot.State;
using CoachBot.Core.Channels;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Practice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot;

/// <summary>Registers and maps the Bot Framework layer.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the adapter, authentication (from the MicrosoftApp* settings), state on the database,
    /// renderers and the bot. Requires the Core services and the storage stores.
    /// </summary>
    public static IServiceCollection AddCoachBotBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .Validate(o => o.Validate() is null, "Invalid Bot Framework authentication settings (see the log for the reason).")
            .ValidateOnStart();
        // The connector clients come from the default client: retry what Teams says to retry (turn replies included),
        // keep each conversation within the platform's limits, and count every 429, each attempt.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CoachBotMeter>();
        services.TryAddSingleton<ConnectorThrottleHandler.Metrics>();
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<ConnectorLimitHandler>();
        services.AddTransient<ConnectorThrottleHandler>();
        services.AddHttpClient(Microsoft.Extensions.Options.Options.DefaultName)
            .AddHttpMessageHandler<ConnectorRetryHandler>()  // outermost: each attempt below waits for its permit
            .AddHttpMessageHandler<ConnectorLimitHandler>()
            .AddHttpMessageHandler<ConnectorThrottleHandler>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new FastBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                configuration,
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>())));
        services.AddSingleton<CoachBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CoachBotAdapter>());
        services.AddSingleton<IStorage, DatabaseBotStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<ChannelRenderers>();
        services.AddSingleton<ConversationCapture>();
        services.AddSingleton<PlaceTracker>();
        services.AddHttpClient(AttachmentReader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<AttachmentReader>();
        services.TryAddSingleton<CoachBotMeter>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.AddSingleton<TurnTelemetry>();
        services.AddSingleton<SlowReplyDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<SlowReplyDelivery>());
        services.AddSingleton<ILearnerDataEraser, ConversationRecordEraser>();
        services.AddTransient<IBot, CoachActivityHandler>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c>, the Bot Framework messaging endpoint.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken ct) =>
            adapter.ProcessAsync(request, response, bot, ct));
        return endpoints;
    }
}
