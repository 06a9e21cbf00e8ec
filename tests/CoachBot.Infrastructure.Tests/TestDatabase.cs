using CoachBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// The main database of a test class (a real SQLite file, or a real PostgreSQL database when
/// <c>COACHBOT_TEST_STORAGE=postgres</c>; see <see cref="TestStorage"/>) in a temporary directory that may also hold
/// other SQLite files; all deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly ThrowawayDatabase _database = ThrowawayDatabase.Create("coachbot-infra-tests");

    /// <summary>The temporary directory.</summary>
    public string DirectoryPath => _database.Folder;

    /// <summary>Whether the main database is on PostgreSQL.</summary>
    public bool IsPostgres => _database.IsPostgres;

    /// <summary>The main database's connection string.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The configuration pointing at the main database (connection string and provider).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _database.Settings;

    /// <summary>
    /// The clock given to the stores; its fraction is to the microsecond, PostgreSQL's precision (SQLite keeps 100 ns
    /// ticks; each provider's precision is tested in <see cref="DateTimeStorageTests"/>).
    /// </summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560));

    /// <summary>Services of the main database, migrated by <see cref="InitializeAsync"/>.</summary>
    public IServiceProvider Services { get; private set; } = null!;

    public string PathOf(string fileName) => Path.Combine(DirectoryPath, fileName);

    public static string ConnectionStringOf(string path) => $"Data Source={path}";

    /// <summary>The configuration pointing at a SQLite file, whatever the main database is.</summary>
    public static Dictionary<string, string?> SqliteSettings(string path) => new()
    {
        ["ConnectionStrings:CoachBot"] = ConnectionStringOf(path),
        ["Storage:Provider"] = "sqlite",
    };

    /// <summary>A new service provider over <paramref name="settings"/> (the main database unless overridden).</summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddCoachBotStorage(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A context on the main database (for assertions on raw rows).</summary>
    public CoachBotDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext();

    /// <inheritdoc cref="ThrowawayDatabase.QueryAsync"/>
    public Task<List<string?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters) => _database.QueryAsync(sql, parameters);

    /// <inheritdoc cref="ThrowawayDatabase.TablesAsync"/>
    public Task<List<string>> TablesAsync() => _database.TablesAsync();

    public async Task InitializeAsync()
    {
        Services = BuildServices();
        await Services.MigrateCoachBotDatabaseAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _database.Dispose();
    }
}
