using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// Base of the tests that drive a real host: a throwaway database (see ThrowawayDatabase) and a loopback Bot Connector per test,
/// both cleaned up afterwards.
/// </summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    /// <summary>The test's database.</summary>
    protected ThrowawayDatabase Db { get; } = ThrowawayDatabase.Create();

    /// <summary>The test's Bot Connector stand-in.</summary>
    protected LoopbackConnector Connector { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Connector = await LoopbackConnector.StartAsync();

    /// <summary>POSTs <paramref name="activity"/> and returns the conversation's <paramref name="expectedTotal"/>-th activity at the connector.</summary>
    protected async Task<RecordedActivity> SendAsync(TestHost host, ActivityBuilder builder, JObject activity, int expectedTotal)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(builder);
        var response = await host.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        var received = await Connector.WaitForAsync(builder.ConversationId, expectedTotal);
        Assert.True(received.Count >= expectedTotal, $"expected {expectedTotal} activities at the connector, got {received.Count}");
        return received[expectedTotal - 1];
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        Db.Dispose();
    }
}
