using CoachBot.Core.Channels;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Core.State;
using CoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Infrastructure.Tests;

public sealed class StorageRegistrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private ServiceProvider CreateSut(string path, string? provider = null)
    {
        var settings = TestDatabase.SqliteSettings(path);
        if (provider is not null)
        {
            settings["Storage:Provider"] = provider;
        }

        return database.BuildServices(settings);
    }

    private static ServiceProvider CreateSut(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCoachBotStorage(configuration).BuildServiceProvider();
    }

    private string NewFile() => database.PathOf($"{Guid.NewGuid():N}.db");

    [Fact]
    public void AddCoachBotStorage_Always_RegistersStoresAsSingletons()
    {
        var services = database.BuildServices();

        Assert.IsType<EfPracticeStore>(services.GetRequiredService<IPracticeStore>());
        Assert.IsType<EfQuestionSetStore>(services.GetRequiredService<IQuestionSetStore>());
        Assert.IsType<EfStateDocumentStore>(services.GetRequiredService<IStateDocumentStore>());
        Assert.IsType<EfConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<EfStudyChannelStore>(services.GetRequiredService<IStudyChannelStore>());
        Assert.Same(services.GetRequiredService<IStudyChannelStore>(), services.GetRequiredService<IStudyChannelStore>());
        Assert.Same(services.GetRequiredService<IPracticeStore>(), services.GetRequiredService<IPracticeStore>());
        Assert.Same(services.GetRequiredService<IStateDocumentStore>(), services.GetRequiredService<IStateDocumentStore>());
        Assert.Same(services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>(), services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>());
        Assert.Contains(services.GetServices<IHostedService>(), s => s is CoachBotDatabaseMigrator);
    }

    [Fact]
    public void AddCoachBotStorage_NoStorageSection_DefaultsToSqliteAndMigratesAtStart()
    {
        using var services = CreateSut(new Dictionary<string, string?> { ["ConnectionStrings:CoachBot"] = TestDatabase.ConnectionStringOf(NewFile()) });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        using var db = services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext();

        Assert.Equal("sqlite", options.Provider);
        Assert.True(options.MigrateAtStart);
        Assert.True(db.Database.IsSqlite());
    }

    [Fact]
    public void AddCoachBotStorage_NoConnectionString_UsesDefaultDataFile()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddCoachBotStorage(configuration).BuildServiceProvider();
        using var _ = services;

        using var db = services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext();

        Assert.Equal("./data/coachbot.db", new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        Assert.True(Directory.Exists(Path.GetFullPath("./data")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sqlserver")]
    [InlineData("postgresql")]
    [InlineData(" sqlite")]
    public void AddCoachBotStorage_UnsupportedProvider_FailsValidationAtStartNamingTheKey(string provider)
    {
        var services = CreateSut(NewFile(), provider);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sqlite' or 'postgres'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("Postgres")]
    [InlineData("POSTGRES")]
    public void AddCoachBotStorage_ProviderInOtherCase_IsAccepted(string provider)
    {
        using var services = CreateSut(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:CoachBot"] = provider.StartsWith('S') ? TestDatabase.ConnectionStringOf(NewFile()) : "Host=127.0.0.1;Database=coachbot",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void AddCoachBotStorage_Postgres_GivesThePostgresContextAsTheStoresContext()
    {
        // No server needed: making a context opens no connection.
        using var services = CreateSut(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:CoachBot"] = "Host=db.example;Database=coachbot;Username=coachbot",
        });

        using var db = services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext();

        Assert.IsType<PostgresCoachBotDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.Equal("db.example", new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Host);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AddCoachBotStorage_PostgresWithoutConnectionString_FailsValidationNamingTheKey(string? connectionString)
    {
        using var services = CreateSut(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:CoachBot"] = connectionString });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider 'postgres' needs ConnectionStrings:CoachBot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachBotStorage_PostgresWithAnInvalidConnectionString_FailsValidationWithoutRepeatingIt()
    {
        using var services = CreateSut(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:CoachBot"] = "Host=db;Password=s3cret-value;Port=not-a-number",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ConnectionStrings:CoachBot is not a valid PostgreSQL connection string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachBotStorage_MigrateAtStartFalse_IsBound()
    {
        var settings = TestDatabase.SqliteSettings(NewFile());
        settings["Storage:MigrateAtStart"] = "false";

        Assert.False(database.BuildServices(settings).GetRequiredService<IOptions<StorageOptions>>().Value.MigrateAtStart);
    }

    [Fact]
    public async Task AddCoachBotStorage_DirectoryOfDataFileMissing_CreatesIt()
    {
        var path = Path.Combine(database.DirectoryPath, "nested", Guid.NewGuid().ToString("N"), "coachbot.db");
        var services = CreateSut(path);

        await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task HostStart_EmptyDatabase_MigratesBeforeOtherHostedServicesStart()
    {
        var path = NewFile();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(TestDatabase.SqliteSettings(path));
        builder.Services.AddSingleton<TimeProvider>(database.Time);
        builder.Services.AddHostedService<SeedsOnStart>(); // registered first on purpose
        builder.Services.AddCoachBotStorage(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var seeded = await host.Services.GetRequiredService<IQuestionSetStore>().GetLatestAsync("seeded");
        await host.StopAsync();

        Assert.NotNull(seeded);
        ClearPool(path);
    }

    [Fact]
    public async Task Restart_NewServiceProviderOnSameFile_DataSurvives()
    {
        var path = NewFile();
        var userKey = TestData.NewUserKey();
        var session = TestData.Session(userKey, "set-a", database.Time.GetUtcNow(), null, "q1");
        var attempt = TestData.Attempt(userKey, session.Id, "q1", database.Time.GetUtcNow());
        var set = TestData.QuestionSet(TestData.NewSetId());
        var conversation = TestData.Conversation(userKey);
        string eTag;
        await using (var first = CreateSut(path))
        {
            await first.MigrateCoachBotDatabaseAsync(CancellationToken.None);
            var practice = first.GetRequiredService<IPracticeStore>();
            await practice.TouchLearnerAsync(userKey, "msteams", "Ada", database.Time.GetUtcNow());
            await practice.SaveSessionAsync(session);
            await practice.SaveAttemptAsync(attempt);
            await first.GetRequiredService<IQuestionSetStore>().AddIfMissingAsync(set);
            await first.GetRequiredService<IConversationStore>().UpsertAsync(conversation);
            eTag = await first.GetRequiredService<IStateDocumentStore>().WriteAsync("state/1", "{\"a\":1}", null);
        }

        ClearPool(path);
        await using var second = CreateSut(path);
        await second.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        var store = (EfPracticeStore)second.GetRequiredService<IPracticeStore>();
        Assert.NotNull(await store.GetLearnerAsync(userKey));
        JsonAssert.Equivalent(session, await store.GetOpenSessionAsync(userKey));
        JsonAssert.Equivalent(new[] { attempt }, await store.GetAttemptsAsync(userKey));
        JsonAssert.Equivalent(set, await second.GetRequiredService<IQuestionSetStore>().GetLatestAsync(set.Id));
        Assert.Equal(conversation, await second.GetRequiredService<IConversationStore>().GetAsync(conversation.ConversationKey));
        Assert.Equal(new StateDocument("{\"a\":1}", eTag), (await second.GetRequiredService<IStateDocumentStore>().ReadAsync(["state/1"]))["state/1"]);
    }

    private static void ClearPool(string path)
    {
        using var connection = new SqliteConnection(SqliteConnectionStrings.Prepare(TestDatabase.ConnectionStringOf(path)));
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>A hosted service that needs the database in its StartAsync (like the question-set seeder).</summary>
    private sealed class SeedsOnStart(IQuestionSetStore sets) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            sets.AddIfMissingAsync(TestData.QuestionSet("seeded"), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
