using CoachBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CoachBot.Infrastructure.Tests;

/// <summary>The PostgreSQL migrations on a real server: each test on a database of its own.</summary>
public sealed class PostgresMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private ServiceProvider CreateSut(ThrowawayDatabase postgres) => database.BuildServices(new Dictionary<string, string?>(postgres.Settings));

    [PostgresFact]
    public async Task MigrateCoachBotDatabaseAsync_EmptyDatabase_CreatesEveryTableAndAppliesInitialCreate()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        var services = CreateSut(postgres);

        var applied = await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.Equal(MigrationTests.Tables, await TablesAsync(postgres));
        await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        Assert.IsType<PostgresCoachBotDbContext>(db);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), applied);
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task MigrateCoachBotDatabaseAsync_DatabaseMissing_CreatesIt()
    {
        using var server = ThrowawayDatabase.CreatePostgres();
        var missing = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"coachbot_t_{Guid.NewGuid():N}" }.ConnectionString;
        var services = database.BuildServices(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:CoachBot"] = missing });
        try
        {
            await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);

            await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            TestStorage.DropPostgresDatabase(missing);
        }
    }

    [PostgresFact]
    public async Task MigrateCoachBotDatabaseAsync_SecondInstanceOnAMigratedDatabase_AppliesNothing()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        await CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        var applied = await CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal(MigrationTests.Tables, await TablesAsync(postgres));
    }

    [PostgresFact]
    public async Task MigrateCoachBotDatabaseAsync_TwoInstancesAtOnce_BothSucceed()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();

        await Task.WhenAll(
            Task.Run(() => CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None)),
            Task.Run(() => CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None)));

        Assert.Equal(MigrationTests.Tables, await TablesAsync(postgres));
    }

    [PostgresFact]
    public async Task Model_Postgres_StoresDateTimeOffsetsAsTimestamptz()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        await CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        var types = await postgres.QueryAsync(
            "SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN " +
            "('CreatedAt', 'UpdatedAt', 'OccurrenceUtc', 'RecapDueUtc', 'RecapSentAt', 'DueUtc', 'StartUtc', 'JoinedAt', 'SubmittedAt', 'FirstSeen', 'LastSeen')");

        Assert.Equal("timestamp with time zone", Assert.Single(Assert.Single(types)));
    }

    [PostgresFact]
    public async Task HostStart_MigrateAtStartOffAndMigrationsPending_FailsNamingTheMigrateCommandAndCreatesNothing()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        using var host = BuildHost(postgres, migrateAtStart: false);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("migrate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:MigrateAtStart", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(postgres));
    }

    [PostgresFact]
    public async Task HostStart_MigrateAtStartOffOnAMigratedDatabase_Starts()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        await CreateSut(postgres).MigrateCoachBotDatabaseAsync(CancellationToken.None);
        using var host = BuildHost(postgres, migrateAtStart: false);

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(MigrationTests.Tables, await TablesAsync(postgres));
    }

    private IHost BuildHost(ThrowawayDatabase postgres, bool migrateAtStart)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(postgres.Settings);
        builder.Configuration.AddInMemoryCollection([new("Storage:MigrateAtStart", migrateAtStart ? "true" : "false")]);
        builder.Services.AddSingleton<TimeProvider>(database.Time);
        builder.Services.AddCoachBotStorage(builder.Configuration);
        return builder.Build();
    }

    private static async Task<List<string>> TablesAsync(ThrowawayDatabase postgres) =>
        [.. (await postgres.TablesAsync()).Where(t => !t.StartsWith("__EF", StringComparison.Ordinal))];
}
