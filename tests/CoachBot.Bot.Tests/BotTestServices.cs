using CoachBot.Bot;
using CoachBot.Core;
using CoachBot.Core.Channels;
using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests;

/// <summary>
/// The real Core, storage and bot services on a real SQLite file in a temp folder, seeded with the
/// repo's study document: transcripts run against the same code the host runs.
/// </summary>
public sealed class BotTestServices : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coachbot-bot-tests", Guid.NewGuid().ToString("N"));

    private readonly Action<IServiceCollection>? _configure;

    private BotTestServices(Action<IServiceCollection>? configure) => _configure = configure;

    public ServiceProvider Provider { get; private set; } = null!;

    public IBot Bot => Provider.GetRequiredService<IBot>();

    /// <summary>Out-of-turn sends of the study channels (the real sender is tested over HTTP in CoachBot.Tests).</summary>
    public StudyChannels.RecordingMessenger Messenger { get; } = new();

    /// <summary>Timers of the study channels (Quartz itself is tested in CoachBot.Infrastructure.Tests).</summary>
    public StudyChannels.RecordingScheduler Scheduler { get; } = new();

    public IPracticeStore Store => Provider.GetRequiredService<IPracticeStore>();

    /// <summary>Builds the services; <paramref name="configure"/> may add or replace registrations (e.g. a fake LLM grader).</summary>
    public static async Task<BotTestServices> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var services = new BotTestServices(configure);
        Directory.CreateDirectory(services._folder);
        services.Provider = await services.BuildAsync();
        return services;
    }

    /// <summary>Disposes the provider and builds a new one on the same database: a restart.</summary>
    public async Task RestartAsync()
    {
        await Provider.DisposeAsync();
        Provider = await BuildAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private async Task<ServiceProvider> BuildAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoachBot"] = $"Data Source={Path.Combine(_folder, "coachbot.db")}",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton(TimeProvider.System);
        collection.AddCoachBotCore();
        collection.AddCoachBotStorage(configuration);
        collection.AddCoachBotBotFramework(configuration);
        collection.AddSingleton<IStudyScheduler>(Scheduler);
        collection.AddSingleton<IChannelMessenger>(Messenger);
        _configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await provider.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        var markdown = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md"));
        var set = provider.GetRequiredService<StudyDocumentParser>().Parse(markdown, "seed", new PracticeOptions().DefaultSetId).Set!;
        await provider.GetRequiredService<IQuestionSetStore>().AddIfMissingAsync(set);
        return provider;
    }
}
