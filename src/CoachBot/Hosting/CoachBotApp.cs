using CoachBot.Bot;
using CoachBot.Bot.Adapter;
using CoachBot.Core;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting;

/// <summary>The composition root: what the process is made of, in the order it is built.</summary>
public static partial class CoachBotApp
{
    /// <summary>Builds the application (web host or terminal chat) from the process arguments.</summary>
    public static WebApplication Build(string[] args, RunMode mode = RunMode.Serve, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var endpointConfigured = new[] { "urls", "http_ports", "https_ports", "Kestrel:Endpoints" }.Any(k => builder.Configuration.GetSection(k).Exists());
        if (!endpointConfigured)
        {
            // Bot Framework's conventional local port, unless --urls, ASPNETCORE_URLS, *_PORTS or Kestrel config say otherwise.
            builder.WebHost.UseUrls("http://localhost:3978");
        }

        if (mode == RunMode.Chat)
        {
            // The terminal belongs to the conversation: logs go to stderr, warnings and above only.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddCoachBot(builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Registers every CoachBot service: Core, storage, the bot layer.</summary>
    public static IServiceCollection AddCoachBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCoachBotCoreWithOptions();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotBotFramework(configuration);
        services.AddHealthChecks();
        return services;
    }

    /// <summary>The Core services, with their options bound and validated at start.</summary>
    private static IServiceCollection AddCoachBotCoreWithOptions(this IServiceCollection services)
    {
        services.AddCoachBotCore();
        services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DefaultQuestionSetSeeder>();
        return services;
    }

    /// <summary>Migrates the database, seeds the bundled question set and logs start-up warnings.</summary>
    public static async Task InitializeCoachBotAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.MigrateCoachBotDatabaseAsync(cancellationToken);
        await app.Services.GetRequiredService<DefaultQuestionSetSeeder>().SeedAsync(cancellationToken);
        var auth = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (auth.IsAnonymous)
        {
            LogAnonymousMode(app.Logger);
        }
    }

    /// <summary>Maps the HTTP endpoints.</summary>
    public static WebApplication MapCoachBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz");
        app.MapBotEndpoints();
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "MicrosoftAppId is not set: the bot runs in anonymous mode and accepts requests without a token. Use this only with the Bot Framework Emulator or local tests; set MicrosoftAppId/MicrosoftAppPassword for Teams and Slack.")]
    private static partial void LogAnonymousMode(ILogger logger);
}
