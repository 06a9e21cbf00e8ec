using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Applies the EF Core migrations once per process (later calls return immediately).</summary>
internal sealed partial class CoachBotDatabaseInitializer(IDbContextFactory<CoachBotDbContext> contexts, ILogger<CoachBotDatabaseInitializer> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers and one writer work at the same time (two app instances, parallel turns);
                // the setting is stored in the database file. Must run outside a transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, pending.Count, db.Database.ProviderName);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Database ready ({Provider}): {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, int count, string? provider);
}

/// <summary>
/// Migrates the database when the host starts, in <see cref="IHostedLifecycleService.StartingAsync"/>, that is
/// before any hosted service's <c>StartAsync</c> (seeding, bots) runs.
/// </summary>
internal sealed class CoachBotDatabaseMigrator(CoachBotDatabaseInitializer initializer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => initializer.EnsureMigratedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
