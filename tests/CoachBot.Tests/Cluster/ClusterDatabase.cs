using Npgsql;

namespace CoachBot.Tests.Cluster;

/// <summary>A fresh PostgreSQL database on the <c>COACHBOT_TEST_POSTGRES</c> server, dropped on dispose.</summary>
public sealed class ClusterDatabase : IDisposable
{
    private ClusterDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static ClusterDatabase Create()
    {
        var name = $"coachbot_cluster_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(Server("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new ClusterDatabase(Server(name));
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("COACHBOT_TEST_POSTGRES")) { Database = database, Pooling = database != "postgres" }.ConnectionString;
}

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, when <c>COACHBOT_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COACHBOT_TEST_POSTGRES")))
        {
            Skip = "PostgreSQL tests need COACHBOT_TEST_POSTGRES (a server's connection string without a database)";
        }
    }
}
