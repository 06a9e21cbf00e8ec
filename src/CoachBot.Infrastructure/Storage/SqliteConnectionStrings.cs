using Microsoft.Data.Sqlite;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Normalises SQLite connection strings for a database shared by several writers.</summary>
internal static class SqliteConnectionStrings
{
    /// <summary>
    /// Creates the database file's directory when missing and returns the connection string. Writers wait
    /// for each other: Microsoft.Data.Sqlite retries a busy database for <c>Default Timeout</c> seconds
    /// (30 unless the connection string says otherwise); WAL journaling is enabled at migration time.
    /// </summary>
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.IsNullOrEmpty(dataSource)
            || string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }
}
