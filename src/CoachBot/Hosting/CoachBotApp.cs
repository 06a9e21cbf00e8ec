using CoachBot.Admin;
using CoachBot.Admin.Api;
using CoachBot.Admin.Web;
using CoachBot.Bot;
using CoachBot.Bot.Adapter;
using CoachBot.Bot.ChannelSending;
using CoachBot.Core;
using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure;
using CoachBot.Infrastructure.Grading;
using CoachBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting;

/// <summary>The composition root: what the process is made of, in the order it is built.</summary>
public static partial class CoachBotApp
{
    /// <summary>Builds the application (web host, terminal chat, grade or migrate command) from the process arguments.</summary>
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

        if (!builder.Environment.IsDevelopment())
        {
            // The default builder reads user secrets in Development only; `dotnet run` has no launch profile
            // setting Development, and a secret set with `dotnet user-secrets` should still count locally.
            // Absent on servers, so harmless there; environment variables and arguments still override.
            builder.Configuration.Sources.Insert(
                AfterAppSettings(builder.Configuration.Sources),
                new ConfigurationBuilder().AddUserSecrets(typeof(CoachBotApp).Assembly, optional: true).Sources[0]);
        }

        if (mode is RunMode.Chat or RunMode.Grade or RunMode.Migrate)
        {
            // Standard output belongs to the conversation, the JSON Lines or the command's report: logs go to stderr, warnings and above only.
            // appsettings.json says Information for the server; environment variables and arguments still override.
            var sources = builder.Configuration.Sources;
            sources.Insert(AfterAppSettings(sources), new MemoryConfigurationSource { InitialData = [new("Logging:LogLevel:Default", nameof(LogLevel.Warning))] });
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        if (mode is RunMode.Migrate)
        {
            // EF logs an error when it finds the database missing, just before it creates it; the command reports real failures itself.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        }

        builder.Services.AddCoachBot(builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static int AfterAppSettings(IList<IConfigurationSource> sources) =>
        sources.ToList().FindLastIndex(s => s is FileConfigurationSource { Path: { } path }
            && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)) + 1;

    /// <summary>Registers every CoachBot service: Core, storage (with the data-protection key ring), the bot layer, the web admin page, observability.</summary>
    public static IServiceCollection AddCoachBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCoachBotCoreWithOptions();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotDataProtection();
        services.AddCoachBotLlmGrading(configuration);
        services.AddCoachBotScheduling(configuration);
        services.AddCoachBotBotFramework(configuration);
        services.AddCoachBotChannelSending(configuration);
        services.AddCoachBotObservability(configuration);
        services.AddCoachBotAdminApi();
        services.AddCoachBotAdminWeb();
        return services;
    }

    /// <summary>The Core services, with their options bound and validated at start.</summary>
    private static IServiceCollection AddCoachBotCoreWithOptions(this IServiceCollection services)
    {
        services.AddCoachBotCore();
        services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<StudyChannelOptions>().BindConfiguration(StudyChannelOptions.SectionName);
        services.AddHostedService<StudyChannelStartup>();
        services.AddSingleton<DefaultQuestionSetSeeder>();
        return services;
    }

    /// <summary>Migrates the database, seeds the bundled question set and logs start-up warnings.</summary>
    public static async Task InitializeCoachBotAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.InitializeStorageAsync(cancellationToken);
        var auth = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (auth.IsAnonymous)
        {
            LogAnonymousMode(app.Logger);
        }
    }

    /// <summary>
    /// Migrates the database (or with <c>Storage:MigrateAtStart</c> false checks that no migration is pending) and seeds
    /// the bundled question set (all the <c>grade</c> command needs).
    /// </summary>
    public static async Task InitializeStorageAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.EnsureCoachBotDatabaseReadyAsync(cancellationToken);
        await app.Services.GetRequiredService<DefaultQuestionSetSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>Maps the HTTP endpoints.</summary>
    public static WebApplication MapCoachBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOperationalEndpoints();
        app.MapBotEndpoints();
        app.MapCoachBotAdminWeb(); // first: its error pages and headers for /admin then wrap the API's authentication middleware too
        app.MapCoachBotAdminApi();
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "MicrosoftAppId is not set: the bot runs in anonymous mode and accepts requests without a token. Use this only with the Bot Framework Emulator or local tests; set MicrosoftAppId/MicrosoftAppPassword for Teams and Slack.")]
    private static partial void LogAnonymousMode(ILogger logger);
}
