namespace CoachBot.Bot.Adapter;

/// <summary>
/// Marks the Bot Connector calls of one async flow as the study-channel sender's: it has already waited for the
/// platform limits and retries with its own pipeline (ledger, metrics), so the connector client's handlers
/// (<see cref="ConnectorRetryHandler"/>, <see cref="ConnectorLimitHandler"/>) let those calls through untouched.
/// </summary>
internal static class SenderOwnedCalls
{
    private static readonly AsyncLocal<bool> Flag = new();

    /// <summary>Whether the current call is the sender's.</summary>
    public static bool Active => Flag.Value;

    /// <summary>Marks the calls made in this async flow as the sender's until the returned scope is disposed.</summary>
    public static IDisposable Begin()
    {
        var previous = Flag.Value;
        Flag.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Flag.Value = previous;
    }
}
