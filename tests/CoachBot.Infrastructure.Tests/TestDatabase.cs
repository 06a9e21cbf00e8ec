using CoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// A temporary directory holding real SQLite database files; deleted (with the WAL files) on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    public TestDatabase()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "coachbot-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
    }

    /// <summary>The temporary directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>The main database file of the directory.</summary>
    public string FilePath => PathOf("coachbot.db");

    /// <summary>The connection string of <see cref="FilePath"/>.</summary>
    public string ConnectionString => ConnectionStringOf(FilePath);

    /// <summary>The clock given to the stores.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567));

    /// <summary>Services of the main database, migrated by <see cref="InitializeAsync"/>.</summary>
    public IServiceProvider Services { get; private set; } = null!;

    public string PathOf(string fileName) => Path.Combine(DirectoryPath, fileName);

    public static string ConnectionStringOf(string path) => $"Data Source={path}";

    /// <summary>A new service provider over <paramref name="settings"/> (the main file unless overridden).</summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:CoachBot"] = ConnectionString };
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

        // Pooled SQLite connections keep the files open; release them before deleting.
        foreach (var file in Directory.EnumerateFiles(DirectoryPath, "*.db"))
        {
            using var connection = new SqliteConnection(SqliteConnectionStrings.Prepare(ConnectionStringOf(file)));
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the run.
        }
    }
}
