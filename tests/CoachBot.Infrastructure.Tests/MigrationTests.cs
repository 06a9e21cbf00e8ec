using CoachBot.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// SQLite: each test migrates its own, empty database file in the class's temporary directory. Both providers: the
/// model matches each provider's migrations. (PostgreSQL's own migration tests: <see cref="PostgresMigrationTests"/>.)
/// </summary>
public sealed class MigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    internal static readonly string[] Tables =
    [
        "AdminGrants", "ApiKeys", "Attempts", "AuditLog", "ChannelAnswers", "ChannelMembers", "Conversations", "DailyPrompts", "DailySchedules", "DataProtectionKeys",
        "Deliveries", "GradeCache", "Learners", "PracticeSessions", "QuestionSetVersions", "QuizAnswers", "QuizMembers", "Quizzes", "SetAssignments", "StateDocuments", "StudyPlaces",
    ];

    private ServiceProvider CreateSut(string path) => database.BuildServices(TestDatabase.SqliteSettings(path));

    private string NewFile() => database.PathOf($"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task MigrateCoachBotDatabaseAsync_EmptyFile_CreatesEveryTableAndAppliesInitialCreate()
    {
        var path = NewFile();
        await File.WriteAllBytesAsync(path, []);
        var services = CreateSut(path);

        await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.Equal(Tables, await ListTablesAsync(path));
        await using var db = await services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateCoachBotDatabaseAsync_MissingFile_CreatesDatabase()
    {
        var path = NewFile();
        var services = CreateSut(path);

        await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(Tables, await ListTablesAsync(path));
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_IsIdempotent()
    {
        var path = NewFile();
        var factory = CreateSut(path).GetRequiredService<IDbContextFactory<CoachBotDbContext>>();
        await using (var first = await factory.CreateDbContextAsync())
        {
            await first.Database.MigrateAsync();
        }

        await using var second = await factory.CreateDbContextAsync();
        await second.Database.MigrateAsync();

        Assert.Equal(second.Database.GetMigrations(), await second.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await second.Database.GetPendingMigrationsAsync());
        Assert.Equal(Tables, await ListTablesAsync(path));
    }

    [Fact]
    public async Task MigrateCoachBotDatabaseAsync_SecondProcessOnMigratedFile_Succeeds()
    {
        var path = NewFile();
        await CreateSut(path).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        await CreateSut(path).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        Assert.Equal(Tables, await ListTablesAsync(path));
    }

    [Fact]
    public async Task MigrateCoachBotDatabaseAsync_Sqlite_EnablesWalJournal()
    {
        var path = NewFile();

        await CreateSut(path).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        await using var connection = new SqliteConnection(TestDatabase.ConnectionStringOf(path) + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Model_ComparedWithSqliteMigrations_HasNoPendingChanges()
    {
        using var db = new CoachBotDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a SQLite migration (dotnet ef migrations add … --context CoachBotDbContext).");
    }

    [Fact]
    public void Model_ComparedWithPostgresMigrations_HasNoPendingChanges()
    {
        // Needs no server: the model is compared with the PostgreSQL snapshot only.
        using var db = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed: add a PostgreSQL migration (dotnet ef migrations add … --context PostgresCoachBotDbContext --output-dir Migrations/Postgres).");
    }

    [Fact]
    public void Migrations_EachProvider_ComeFromItsOwnFolderAndStartWithInitialCreate()
    {
        using var sqlite = new CoachBotDesignTimeDbContextFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeDbContextFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations;
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations;

        Assert.EndsWith("_InitialCreate", sqliteMigrations.Keys.First(), StringComparison.Ordinal);
        Assert.EndsWith("_InitialCreate", postgresMigrations.Keys.First(), StringComparison.Ordinal);
        Assert.All(sqliteMigrations.Values, t => Assert.Equal("CoachBot.Infrastructure.Migrations", t.Namespace));
        Assert.All(postgresMigrations.Values, t => Assert.Equal("CoachBot.Infrastructure.Migrations.Postgres", t.Namespace));
    }

    [Theory]
    [InlineData("Attempts", "CreatedAt", "UpdatedAt")]
    [InlineData("DailyPrompts", "OccurrenceUtc", "RecapDueUtc", "RecapSentAt")]
    [InlineData("Deliveries", "DueUtc", "UpdatedAt")]
    [InlineData("ChannelAnswers", "CreatedAt", "UpdatedAt")]
    [InlineData("DailySchedules", "CreatedAt")]
    [InlineData("StudyPlaces", "UpdatedAt")]
    [InlineData("Quizzes", "StartUtc", "CreatedAt")]
    [InlineData("QuizMembers", "JoinedAt")]
    [InlineData("QuizAnswers", "SubmittedAt")]
    public async Task Model_Sqlite_StoresDateTimeOffsetsAsSortableIntegers(string table, params string[] columns)
    {
        var path = NewFile();
        await CreateSut(path).MigrateCoachBotDatabaseAsync(CancellationToken.None);

        await using var connection = new SqliteConnection(TestDatabase.ConnectionStringOf(path) + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type FROM pragma_table_info($table) ORDER BY cid;";
        command.Parameters.AddWithValue("$table", table);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        Assert.All(columns, c => Assert.Equal("INTEGER", types[c]));
    }

    private static async Task<List<string>> ListTablesAsync(string path)
    {
        await using var connection = new SqliteConnection(TestDatabase.ConnectionStringOf(path) + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
