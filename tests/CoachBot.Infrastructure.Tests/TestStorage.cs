using Npgsql;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// Which database server the storage tests use, from the environment. <c>COACHBOT_TEST_POSTGRES</c> is a PostgreSQL
/// server's connection string without a database (e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres</c>): with it the
/// PostgreSQL-only tests run. <c>COACHBOT_TEST_STORAGE=postgres</c> also moves every general storage fixture from
/// SQLite to that server. (Linked into every test project that touches storage.)
/// </summary>
public static class TestStorage
{
    /// <summary>The variable naming the PostgreSQL server.</summary>
    public const string PostgresVariable = "COACHBOT_TEST_POSTGRES";

    /// <summary>The variable choosing the general fixtures' provider (<c>sqlite</c>, the default, or <c>postgres</c>).</summary>
    public const string ProviderVariable = "COACHBOT_TEST_STORAGE";

    /// <summary>Why a PostgreSQL-only test was skipped.</summary>
    public const string PostgresSkipReason = "PostgreSQL tests need COACHBOT_TEST_POSTGRES (CI starts a server; see README)";

    /// <summary>The server's connection string, or <c>null</c> when <see cref="PostgresVariable"/> is not set.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether the general fixtures use PostgreSQL.</summary>
    public static bool UsePostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database (<c>coachbot_t_…</c>) on the server and returns its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = $"coachbot_t_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ServerConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return ServerConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, closing its pooled and any other connections first.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(ServerConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static string ServerConnectionString(string database)
    {
        var server = PostgresServer ?? throw new InvalidOperationException(
            $"{ProviderVariable}=postgres (or a PostgreSQL-only test) needs {PostgresVariable}, e.g. Host=127.0.0.1;Port=5432;Username=postgres.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        if (database == "postgres")
        {
            builder.Pooling = false; // administrative commands leave no idle connection behind
        }

        return builder.ConnectionString;
    }
}
