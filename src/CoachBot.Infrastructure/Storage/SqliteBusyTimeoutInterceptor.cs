using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Sets SQLite's own busy timeout on every opened connection, so a writer that finds the database locked
/// by another writer (another turn, another app instance) waits inside SQLite, retrying every few
/// milliseconds, instead of failing with <c>SQLITE_BUSY</c>. (Microsoft.Data.Sqlite's own retry loop would
/// also succeed, but it sleeps 150 ms between tries.) The timeout is the connection string's
/// <c>Default Timeout</c> (30 s by default).
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = CreateCommand(connection);
        if (command is not null)
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static DbCommand? CreateCommand(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var command = sqlite.CreateCommand();
        var milliseconds = Math.Max(0, sqlite.DefaultTimeout) * 1000L;
        command.CommandText = $"PRAGMA busy_timeout = {Math.Min(milliseconds, int.MaxValue)};";
        return command;
    }
}
