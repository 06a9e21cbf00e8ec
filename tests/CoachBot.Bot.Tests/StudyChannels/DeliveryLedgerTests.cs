using CoachBot.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// The delivery ledger of two instances ("a" and "b") on one real SQLite store: who may send, take-over from a gone
/// owner, and the never-twice rule for a delivery whose owner died while sending.
/// </summary>
public sealed class DeliveryLedgerTests : IAsyncLifetime
{
    private const string Key = "daily:test:1:msteams:19:x@thread.tacv2";
    private readonly HashSet<string> _alive = ["a", "b"];
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IStudyChannelStore Store => _services.Provider.GetRequiredService<IStudyChannelStore>();

    private DeliveryLedger CreateSut(string instance) =>
        new(Store, new Owners(instance, _alive), TimeProvider.System, NullLogger<DeliveryLedger>.Instance);

    private Task<bool> BeginAsync(DeliveryLedger ledger) => ledger.BeginAsync(Key, "daily", "msteams:19:x@thread.tacv2", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Begin_TwoLiveInstances_OnlyTheFirstMaySend()
    {
        var a = CreateSut("a");
        var b = CreateSut("b");

        Assert.True(await BeginAsync(a));
        Assert.False(await BeginAsync(b));
        Assert.True(await a.TryStartSendingAsync(Key));
        Assert.False(await b.TryStartSendingAsync(Key));

        var delivery = await Store.GetDeliveryAsync(Key);
        Assert.Equal((DeliveryState.Sending, "a", 1), (delivery!.State, delivery.Owner, delivery.Attempts));
    }

    [Fact]
    public async Task Begin_PendingOwnerGone_TakenOver_AndTheOldOwnerIsWithheldAtTheGate()
    {
        var a = CreateSut("a");
        var b = CreateSut("b");
        Assert.True(await BeginAsync(a));
        _alive.Remove("a"); // a stalls past its lease; the cluster declares it dead

        Assert.True(await BeginAsync(b));
        Assert.False(await a.TryStartSendingAsync(Key)); // a wakes up: its gate says no
        Assert.True(await b.TryStartSendingAsync(Key));
        await b.FinishAsync(Key, SendResult.Ok("thread-1", "1"));

        var delivery = await Store.GetDeliveryAsync(Key);
        Assert.Equal((DeliveryState.Sent, "b", 1, "thread-1"), (delivery!.State, delivery.Owner, delivery.Attempts, delivery.ThreadId));
    }

    [Fact]
    public async Task Begin_OwnerDiedWhileSending_ClosedAsOutcomeUnknown_NeverSentAgain()
    {
        var a = CreateSut("a");
        var b = CreateSut("b");
        Assert.True(await BeginAsync(a));
        Assert.True(await a.TryStartSendingAsync(Key));
        _alive.Remove("a");

        Assert.False(await BeginAsync(b));
        Assert.False(await BeginAsync(b));

        var delivery = await Store.GetDeliveryAsync(Key);
        Assert.Equal((DeliveryState.Failed, DeliveryLedger.OutcomeUnknown), (delivery!.State, delivery.LastError));
    }

    [Fact]
    public async Task Begin_SendingOwnerAlive_LeftAlone()
    {
        var a = CreateSut("a");
        Assert.True(await BeginAsync(a));
        Assert.True(await a.TryStartSendingAsync(Key));

        Assert.False(await BeginAsync(CreateSut("b")));

        Assert.Equal(DeliveryState.Sending, (await Store.GetDeliveryAsync(Key))!.State);
    }

    [Fact]
    public async Task Begin_ManyInstancesRacingForAGoneOwnersDelivery_ExactlyOneGetsThrough()
    {
        Assert.True(await BeginAsync(CreateSut("a")));
        _alive.Remove("a");
        var racers = Enumerable.Range(0, 8).Select(i => CreateSut($"r{i}")).ToList();
        _alive.UnionWith(Enumerable.Range(0, 8).Select(i => $"r{i}"));

        var begun = await Task.WhenAll(racers.Select(BeginAsync));
        var started = await Task.WhenAll(racers.Select(r => r.TryStartSendingAsync(Key)));

        Assert.Single(started, s => s); // several may have begun (each took it over in turn); one sends
        Assert.Contains(true, begun);
    }

    [Fact]
    public async Task RecordSkipped_PendingDelivery_ClosedAndTheGateWithholds()
    {
        var a = CreateSut("a");
        Assert.True(await BeginAsync(a));

        await CreateSut("b").RecordSkippedAsync(Key, "daily", "msteams:19:x@thread.tacv2", DateTimeOffset.UtcNow, "holiday");

        Assert.False(await a.TryStartSendingAsync(Key));
        Assert.Equal(DeliveryState.Skipped, (await Store.GetDeliveryAsync(Key))!.State);
    }

    [Fact]
    public async Task Finish_Withheld_ChangesNothing()
    {
        var a = CreateSut("a");
        Assert.True(await BeginAsync(a));

        await a.FinishAsync(Key, new SendResult(SendOutcome.Withheld, null, null, "withheld"));

        Assert.Equal(DeliveryState.Pending, (await Store.GetDeliveryAsync(Key))!.State);
    }

    /// <summary>Owners as a cluster sees them: this instance, and the set of live ones.</summary>
    private sealed class Owners(string current, HashSet<string> alive) : IDeliveryOwners
    {
        public ValueTask<string> GetCurrentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(current);

        public ValueTask<bool> IsGoneAsync(string? owner, CancellationToken cancellationToken = default)
        {
            lock (alive)
            {
                return ValueTask.FromResult(owner != current && (owner is null || !alive.Contains(owner)));
            }
        }
    }
}
