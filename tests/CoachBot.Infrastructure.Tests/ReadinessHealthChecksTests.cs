using CoachBot.Infrastructure.Scheduling;
using CoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// The readiness checks on the test database (SQLite, or PostgreSQL with COACHBOT_TEST_STORAGE=postgres), on real SQLite
/// files that are missing or empty, and a real Quartz scheduler: what each reports, and when.
/// </summary>
public sealed class ReadinessHealthChecksTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly List<(ServiceProvider Provider, string SchedulerName)> _providers = [];

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var (provider, schedulerName) in _providers)
        {
            // Only a scheduler the test created (looked up by its name): making one now would connect to a database that
            // may be gone, and the process-wide list of schedulers holds other tests' too.
            var scheduler = (await provider.GetRequiredService<ISchedulerFactory>().GetAllSchedulers()).SingleOrDefault(s => s.SchedulerName == schedulerName);
            if (scheduler is not null && await scheduler.GetStatus() != SchedulerStatus.Shutdown)
            {
                await scheduler.Shutdown();
            }

            await provider.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    /// <summary>Services on <paramref name="database"/> (the test database's settings unless given).</summary>
    private ServiceProvider CreateServices(IReadOnlyDictionary<string, string?>? database = null, bool schedulingEnabled = true)
    {
        var schedulerName = $"ReadinessTest-{Guid.NewGuid():N}"; // Quartz shares schedulers by name within a process
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(database ?? _db.Settings)
        {
            ["Scheduling:Enabled"] = schedulingEnabled ? "true" : "false",
            ["Scheduling:InstanceName"] = schedulerName,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotScheduling(configuration);
        services.AddHealthChecks().AddCoachBotReadinessChecks();
        var provider = services.BuildServiceProvider();
        _providers.Add((provider, schedulerName));
        return provider;
    }

    private static Task<HealthReport> CheckAsync(IServiceProvider services) =>
        services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(ReadinessHealthChecks.Tag));

    private static async Task<IScheduler> SchedulerAsync(IServiceProvider services) =>
        await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    [Fact]
    public async Task MigratedDatabase_RunningScheduler_Ready()
    {
        var services = CreateServices();
        await (await SchedulerAsync(services)).Start();

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["database", "migrations", "scheduler"], report.Entries.Keys.Order());
        Assert.Equal("reachable", report.Entries["database"].Description);
        Assert.Equal("up to date", report.Entries["migrations"].Description);
        Assert.Equal("running", report.Entries["scheduler"].Description);
    }

    [Fact]
    public async Task SchedulerNotStartedOrInStandby_OnlyTheSchedulerIsUnhealthy()
    {
        var services = CreateServices();

        var before = await CheckAsync(services);
        var scheduler = await SchedulerAsync(services);
        await scheduler.Start();
        await scheduler.Standby();
        var standby = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("not started", before.Entries["scheduler"].Description);
        Assert.Equal(HealthStatus.Unhealthy, standby.Entries["scheduler"].Status);
        Assert.Equal("in standby", standby.Entries["scheduler"].Description);
        Assert.Equal(HealthStatus.Healthy, standby.Entries["database"].Status);
        Assert.Equal(HealthStatus.Healthy, standby.Entries["migrations"].Status);
    }

    [Fact]
    public async Task SchedulingDisabled_SchedulerReportedDisabledAndReady()
    {
        var services = CreateServices(schedulingEnabled: false);

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("disabled", report.Entries["scheduler"].Description);
    }

    [Fact]
    public async Task SqliteDatabaseFileGone_DatabaseAndMigrationsUnhealthy_AndNoEmptyDatabaseCreated()
    {
        var missing = _db.PathOf("gone.db");
        var services = CreateServices(TestDatabase.SqliteSettings(missing), schedulingEnabled: false);

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["database"].Status);
        Assert.Equal("cannot connect", report.Entries["database"].Description);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["migrations"].Status);
        Assert.False(File.Exists(missing), "a readiness probe must never create a database");
    }

    [Fact]
    public async Task SqliteEmptyDatabase_MigrationsUnhealthyWithThePendingCount()
    {
        var empty = _db.PathOf("empty.db");
        await using (var connection = new SqliteConnection(TestDatabase.ConnectionStringOf(empty)))
        {
            await connection.OpenAsync(); // creates the file, with no tables
        }

        var services = CreateServices(TestDatabase.SqliteSettings(empty), schedulingEnabled: false);
        await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().Count();

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["migrations"].Status);
        Assert.Equal($"{migrations} pending", report.Entries["migrations"].Description);
        Assert.True(migrations >= 6);
    }

    [PostgresFact]
    public async Task PostgresEmptyDatabase_MigrationsUnhealthyWithThePendingCount()
    {
        using var empty = ThrowawayDatabase.CreatePostgres();
        var services = CreateServices(empty.Settings, schedulingEnabled: false);
        await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().Count();

        var report = await CheckAsync(services);

        Assert.Equal("reachable", report.Entries["database"].Description);
        Assert.Equal($"{migrations} pending", report.Entries["migrations"].Description);
    }

    [PostgresFact]
    public async Task PostgresDatabaseMissing_DatabaseAndMigrationsUnhealthy_AndNoDatabaseCreated()
    {
        using var server = ThrowawayDatabase.CreatePostgres();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = $"coachbot_t_{Guid.NewGuid():N}" }.ConnectionString;
        var services = CreateServices(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:CoachBot"] = missing }, schedulingEnabled: false);

        var report = await CheckAsync(services);

        Assert.Equal("cannot connect", report.Entries["database"].Description);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["migrations"].Status);
        var databases = await server.QueryAsync("SELECT datname FROM pg_database WHERE datname = @name", ("name", new Npgsql.NpgsqlConnectionStringBuilder(missing).Database!));
        Assert.Empty(databases);
    }
}
