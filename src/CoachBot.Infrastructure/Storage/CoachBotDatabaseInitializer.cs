using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Applies the EF Core migrations once per process (later calls return immediately), or with
/// <c>Storage:MigrateAtStart</c> off only checks that none is pending.
/// </summary>
internal sealed partial class CoachBotDatabaseInitializer(
    IDbContextFactory<CoachBotDbContext> contexts,
    IOptions<StorageOptions> options,
    ILogger<CoachBotDatabaseInitializer> logger) : IDisposable
{
    /// <summary>The PostgreSQL advisory lock key the migrating instance holds (any constant unique to this app).</summary>
    private const long MigrationLockId = 0x436F616368426F74; // "CoachBot"

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    /// <summary>What the app does at start: migrates, or (<c>Storage:MigrateAtStart</c> false) fails when a migration is pending.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateAtStart ? EnsureMigratedAsync(cancellationToken) : EnsureNothingPendingAsync(cancellationToken);

    /// <summary>Applies the pending migrations (the <c>migrate</c> command; tests), whatever <c>Storage:MigrateAtStart</c> says.</summary>
    public async Task<int> EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return 0;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers and one writer work at the same time (two app instances, parallel turns);
                // the setting is stored in the database file. Must run outside a transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            // Several instances starting at once on one PostgreSQL database: one migrates at a time. EF's own lock is
            // released with each migration's transaction, so with two or more pending the second instance could apply
            // one again; a session advisory lock on the connection EF migrates on holds across all of them. (A database
            // that does not exist yet is created by EF first, without it.)
            var postgres = db.Database.IsNpgsql()
                && await db.Database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
            if (postgres)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockId})", cancellationToken);
            }

            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, pending.Count, db.Database.ProviderName);
                _done = true;
                return pending.Count;
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockId})", CancellationToken.None);
                    await db.Database.CloseConnectionAsync();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureNothingPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}) and Storage:MigrateAtStart is false: " +
                "run the migrate command (dotnet CoachBot.dll migrate) first, or set Storage:MigrateAtStart to true.");
        }

        LogMigrationsSkipped(logger, db.Database.ProviderName);
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Database ready ({Provider}): {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, int count, string? provider);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Database ready ({Provider}): no migration pending (Storage:MigrateAtStart is off)")]
    private static partial void LogMigrationsSkipped(ILogger logger, string? provider);
}

/// <summary>
/// Migrates the database (or with <c>Storage:MigrateAtStart</c> off, checks that it needs no migration) when the host starts, in <see cref="IHostedLifecycleService.StartingAsync"/>, that is
/// before any hosted service's <c>StartAsync</c> (seeding, bots) runs.
/// </summary>
internal sealed class CoachBotDatabaseMigrator(CoachBotDatabaseInitializer initializer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => initializer.EnsureReadyAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
