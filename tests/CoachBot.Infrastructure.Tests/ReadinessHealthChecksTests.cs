using CoachBot.Infrastructure.Scheduling;
using CoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CoachBot.Infrastructure.Tests;

/// <summary>The readiness checks on real SQLite files and a real Quartz scheduler: what each reports, and when.</summary>
public sealed class ReadinessHealthChecksTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            if (provider.GetService<ISchedulerFactory>() is { } factory && await (await factory.GetScheduler()).GetStatus() != SchedulerStatus.Shutdown)
            {
                await (await factory.GetScheduler()).Shutdown();
            }

            await provider.DisposeAsync();
        }

        await _db.DisposeAsync();
    }

    private ServiceProvider CreateServices(string? databasePath = null, bool schedulingEnabled = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoachBot"] = TestDatabase.ConnectionStringOf(databasePath ?? _db.FilePath),
            ["Scheduling:Enabled"] = schedulingEnabled ? "true" : "false",
            ["Scheduling:InstanceName"] = $"ReadinessTest-{Guid.NewGuid():N}", // Quartz shares schedulers by name within a process
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCoachBotStorage(configuration);
        services.AddCoachBotScheduling(configuration);
        services.AddHealthChecks().AddCoachBotReadinessChecks();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
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
    public async Task DatabaseFileGone_DatabaseAndMigrationsUnhealthy_AndNoEmptyDatabaseCreated()
    {
        var missing = _db.PathOf("gone.db");
        var services = CreateServices(missing, schedulingEnabled: false);

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["database"].Status);
        Assert.Equal("cannot connect", report.Entries["database"].Description);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["migrations"].Status);
        Assert.False(File.Exists(missing), "a readiness probe must never create a database");
    }

    [Fact]
    public async Task EmptyDatabase_MigrationsUnhealthyWithThePendingCount()
    {
        var empty = _db.PathOf("empty.db");
        await using (var connection = new SqliteConnection(TestDatabase.ConnectionStringOf(empty)))
        {
            await connection.OpenAsync(); // creates the file, with no tables
        }

        var services = CreateServices(empty, schedulingEnabled: false);
        await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().Count();

        var report = await CheckAsync(services);

        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["migrations"].Status);
        Assert.Equal($"{migrations} pending", report.Entries["migrations"].Description);
        Assert.True(migrations >= 6);
    }
}
