using CoachBot.Hosting;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Hosting;

/// <summary>
/// The <c>migrate</c> command and <c>Storage:MigrateAtStart</c>: what an operator who migrates as a separate step
/// sees. On the test database's provider (SQLite, or PostgreSQL with COACHBOT_TEST_STORAGE=postgres).
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly ThrowawayDatabase _db = ThrowawayDatabase.Create();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Parse_Migrate_IsTheMigrateMode_AndPassesTheRestToAspNetCore()
    {
        var (mode, rest) = CommandLine.Parse(["migrate", "--ConnectionStrings:CoachBot", "Host=db"]);

        Assert.Equal(RunMode.Migrate, mode);
        Assert.Equal(["--ConnectionStrings:CoachBot", "Host=db"], rest);
    }

    [Fact]
    public async Task RealProcess_EmptyDatabase_MigratesExitsZeroAndASecondRunAppliesNothing()
    {
        var first = await CoachBotProcess.RunAsync(_db, ["migrate"]);
        var second = await CoachBotProcess.RunAsync(_db, ["migrate"]);

        Assert.True(first.ExitCode == MigrateCommand.Migrated, first.ToString());
        Assert.Matches($@"^migrate: the {_db.Provider} database is up to date \([1-9]\d* migration\(s\) applied\)\.\n$", first.StandardOutput.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains("Learners", await _db.TablesAsync());
        Assert.True(second.ExitCode == MigrateCommand.Migrated, second.ToString());
        Assert.Contains("(0 migration(s) applied)", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAtStartOff_AppStartsOnlyAfterTheMigrateCommand()
    {
        var settings = new Dictionary<string, string?> { ["Storage:MigrateAtStart"] = "false" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(_db, settings));
        var exitCode = await MigrateCommand.RunAsync([.. _db.CommandLine], TextWriter.Null, TextWriter.Null);
        await using var host = await TestHost.StartAsync(_db, settings);

        Assert.Contains("migrate command", refused.Message, StringComparison.Ordinal);
        Assert.Equal(MigrateCommand.Migrated, exitCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Postgres_WithoutConnectionString_ExitsOneNamingTheKey()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await MigrateCommand.RunAsync(["--Storage:Provider", "postgres", "--ConnectionStrings:CoachBot", ""], stdout, stderr);

        Assert.Equal(MigrateCommand.Failed, exitCode);
        Assert.Empty(stdout.ToString());
        Assert.Contains("Storage:Provider 'postgres' needs ConnectionStrings:CoachBot", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_ServerUnreachable_ExitsOneWithTheReasonAndNoPassword()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var closedPort = ClosedPort();

        var exitCode = await MigrateCommand.RunAsync(
            ["--Storage:Provider", "postgres", "--ConnectionStrings:CoachBot", $"Host=127.0.0.1;Port={closedPort};Database=coachbot;Username=u;Password=pw-secret-1;Timeout=5"],
            stdout, stderr);

        Assert.Equal(MigrateCommand.Failed, exitCode);
        Assert.StartsWith("migrate: the postgres database could not be migrated: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret-1", stderr.ToString(), StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
