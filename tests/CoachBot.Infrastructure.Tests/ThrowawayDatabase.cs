using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// The database of one test fixture, removed on dispose: a SQLite file (<see cref="SqlitePath"/>) in a fresh temporary
/// folder or a fresh PostgreSQL database (see <see cref="TestStorage"/>). The folder exists on both providers, for any
/// other file a test needs. (Linked into every test project that touches storage.)
/// </summary>
public sealed class ThrowawayDatabase : IDisposable
{
    private const string DefaultPurpose = "coachbot-tests";

    private ThrowawayDatabase(string folder, string provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary>The temporary folder.</summary>
    public string Folder { get; }

    /// <summary><c>sqlite</c> or <c>postgres</c> (the value of <c>Storage:Provider</c>).</summary>
    public string Provider { get; }

    /// <summary>Whether the database is on PostgreSQL.</summary>
    public bool IsPostgres => Provider == "postgres";

    /// <summary>The value of <c>ConnectionStrings:CoachBot</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file (in <see cref="Folder"/>; not used on PostgreSQL).</summary>
    public string SqlitePath => Path.Combine(Folder, "coachbot.db");

    /// <summary>The configuration that points the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:CoachBot"] = ConnectionString,
        ["Storage:Provider"] = Provider,
    };

    /// <summary><see cref="Settings"/> as command-line arguments.</summary>
    public IEnumerable<string> CommandLine => Settings.SelectMany(s => new[] { $"--{s.Key}", s.Value ?? string.Empty });

    /// <summary>A SQLite database, or a PostgreSQL one when <c>COACHBOT_TEST_STORAGE=postgres</c>.</summary>
    /// <param name="purpose">Names the temporary folder's parent (e.g. <c>coachbot-bot-tests</c>).</param>
    public static ThrowawayDatabase Create(string purpose = DefaultPurpose) => TestStorage.UsePostgres ? CreatePostgres(purpose) : CreateSqlite(purpose);

    /// <summary>A SQLite database, whatever the environment says.</summary>
    public static ThrowawayDatabase CreateSqlite(string purpose = DefaultPurpose)
    {
        var folder = NewFolder(purpose);
        return new ThrowawayDatabase(folder, "sqlite", $"Data Source={Path.Combine(folder, "coachbot.db")}");
    }

    /// <summary>A PostgreSQL database on the <c>COACHBOT_TEST_POSTGRES</c> server, whatever <c>COACHBOT_TEST_STORAGE</c> says.</summary>
    public static ThrowawayDatabase CreatePostgres(string purpose = DefaultPurpose)
    {
        var connectionString = TestStorage.CreatePostgresDatabase();
        return new ThrowawayDatabase(NewFolder(purpose), "postgres", connectionString);
    }

    /// <summary>Sets <see cref="Settings"/> as environment variables of a child process.</summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (key, value) in Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    /// <summary>
    /// Runs raw SQL on the database and returns each row's values as text. Works on both providers when identifiers
    /// are quoted (<c>"Table"."Column"</c>) and parameters are named <c>@name</c>.
    /// </summary>
    public async Task<List<string?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = IsPostgres ? (DbConnection)new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The names of the database's tables (PostgreSQL: of its current schema).</summary>
    public async Task<List<string>> TablesAsync()
    {
        var sql = IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return [.. (await QueryAsync(sql)).Select(r => r[0]!).Order(StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        if (IsPostgres)
        {
            TestStorage.DropPostgresDatabase(ConnectionString);
        }
        else
        {
            // Pooled connections keep the files open; release them before deleting.
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the run.
        }
    }

    private static string NewFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
