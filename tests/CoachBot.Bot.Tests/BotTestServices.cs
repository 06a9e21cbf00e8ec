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
/// The real Core, storage and bot services on a real database (a SQLite file in a temp folder, or a PostgreSQL
/// database with COACHBOT_TEST_STORAGE=postgres), seeded with the repo's study document: transcripts run against the
/// same code the host runs.
/// </summary>
public sealed class BotTestServices : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Action<IServiceCollection>? _configure;

    private BotTestServices(ThrowawayDatabase database, bool ownsDatabase, Action<IServiceCollection>? configure)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _configure = configure;
    }

    public ServiceProvider Provider { get; private set; } = null!;

    public IBot Bot => Provider.GetRequiredService<IBot>();

    /// <summary>Out-of-turn sends of the study channels (the real sender is tested over HTTP in CoachBot.Tests).</summary>
    public StudyChannels.RecordingMessenger Messenger { get; } = new();

    /// <summary>Timers of the study channels (Quartz itself is tested in CoachBot.Infrastructure.Tests).</summary>
    public StudyChannels.RecordingScheduler Scheduler { get; } = new();

    public IPracticeStore Store => Provider.GetRequiredService<IPracticeStore>();

    /// <summary>
    /// Builds the services; <paramref name="configure"/> may add or replace registrations (e.g. a fake LLM grader).
    /// With <paramref name="database"/> (which the caller disposes) they run on it, beside other instances; otherwise
    /// on a database of their own.
    /// </summary>
    public static async Task<BotTestServices> CreateAsync(Action<IServiceCollection>? configure = null, ThrowawayDatabase? database = null)
    {
        var services = new BotTestServices(database ?? ThrowawayDatabase.Create("coachbot-bot-tests"), ownsDatabase: database is null, configure);
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
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private async Task<ServiceProvider> BuildAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).Build();
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
