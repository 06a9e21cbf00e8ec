namespace CoachBot.Tests.Fakes;

/// <summary>
/// Base of the tests that drive a real host: a temp SQLite file and a loopback Bot Connector per test,
/// both cleaned up afterwards.
/// </summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    /// <summary>The test's database file.</summary>
    protected TempDatabase Db { get; } = new();

    /// <summary>The test's Bot Connector stand-in.</summary>
    protected LoopbackConnector Connector { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Connector = await LoopbackConnector.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        Db.Dispose();
    }
}
