using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Channels;

/// <summary>
/// The record of every outbound post (daily questions, recaps, quiz steps), shared by all instances through the
/// database, so each post reaches its place once even when instances race or die:
/// <list type="number">
/// <item><see cref="BeginAsync"/> records the delivery <see cref="DeliveryState.Pending"/> under this instance before
/// anything is sent; the unique key lets exactly one racer record it.</item>
/// <item>The send's <see cref="SendGate"/> (<see cref="GateFor"/>) moves it to <see cref="DeliveryState.Sending"/>
/// right before the first request leaves, by compare-and-set on state and owner: of two instances holding the same
/// pending delivery only one gets through.</item>
/// <item><see cref="FinishAsync"/> marks it sent or failed.</item>
/// </list>
/// A delivery whose owner is gone (<see cref="IDeliveryOwners"/>) is taken over while still pending (nothing left),
/// and closed as failed with an unknown outcome once sending (the platform may have it: never posted twice).
/// </summary>
public sealed partial class DeliveryLedger(IStudyChannelStore store, IDeliveryOwners owners, TimeProvider time, ILogger<DeliveryLedger> logger)
{
    /// <summary>The <see cref="Delivery.LastError"/> of a delivery whose owner died while sending it.</summary>
    public const string OutcomeUnknown = "outcome unknown: its instance stopped while sending; not sent again";

    /// <summary>
    /// Records the delivery before sending. True when this instance may send it now: it is new, or pending under this
    /// instance or under an owner that is gone (taken over). False once it was sent, failed, skipped, or while a
    /// live instance holds it; a delivery a gone owner left sending is closed as <see cref="OutcomeUnknown"/>.
    /// </summary>
    public async Task<bool> BeginAsync(string key, string kind, string placeKey, DateTimeOffset dueUtc, CancellationToken cancellationToken = default)
    {
        var me = await owners.GetCurrentAsync(cancellationToken);
        var pending = new Delivery(key, kind, placeKey, dueUtc, DeliveryState.Pending, 0, null, null, time.GetUtcNow(), me);
        if (await store.TryRecordDeliveryAsync(pending, cancellationToken))
        {
            return true;
        }

        var current = await store.GetDeliveryAsync(key, cancellationToken);
        if (current is null || current.State is not (DeliveryState.Pending or DeliveryState.Sending))
        {
            return false;
        }

        if (current.State == DeliveryState.Pending && current.Owner == me)
        {
            return true; // left pending by an earlier run in this process; the gate still lets only one send
        }

        if (!await owners.IsGoneAsync(current.Owner, cancellationToken))
        {
            return false;
        }

        if (current.State == DeliveryState.Sending)
        {
            if (await store.TryReplaceDeliveryAsync(current, current with { State = DeliveryState.Failed, LastError = OutcomeUnknown, UpdatedAt = time.GetUtcNow() }, cancellationToken))
            {
                LogOutcomeUnknown(logger, key, current.Owner);
            }

            return false;
        }

        var claimed = await store.TryReplaceDeliveryAsync(current, current with { Owner = me, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        if (claimed)
        {
            LogTakenOver(logger, key, current.Owner);
        }

        return claimed;
    }

    /// <summary>Whether a pending or sending delivery is left to this instance to finish: its owner is gone.</summary>
    public async Task<bool> IsOrphanedAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.State is DeliveryState.Pending or DeliveryState.Sending && await owners.IsGoneAsync(delivery.Owner, cancellationToken);
    }

    /// <summary>The gate to hand the sender: <see cref="TryStartSendingAsync"/> for <paramref name="key"/>.</summary>
    public SendGate GateFor(string key) => ct => TryStartSendingAsync(key, ct);

    /// <summary>
    /// Pending under this instance → sending (one more attempt), by compare-and-set; false when another instance took
    /// it over or it is no longer pending: then nothing may be sent.
    /// </summary>
    public async Task<bool> TryStartSendingAsync(string key, CancellationToken cancellationToken = default)
    {
        var me = await owners.GetCurrentAsync(cancellationToken);
        var current = await store.GetDeliveryAsync(key, cancellationToken);
        var started = current is { State: DeliveryState.Pending } && current.Owner == me
            && await store.TryReplaceDeliveryAsync(
                current, current with { State = DeliveryState.Sending, Attempts = current.Attempts + 1, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        if (!started)
        {
            LogWithheld(logger, key);
        }

        return started;
    }

    /// <summary>Marks the delivery sent or failed by the send's result; a withheld send changes nothing (another instance owns it).</summary>
    public Task FinishAsync(string key, SendResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome == SendOutcome.Withheld
            ? Task.CompletedTask
            : UpdateAsync(key, result.Outcome == SendOutcome.Sent ? DeliveryState.Sent : DeliveryState.Failed, result.Error, result.ThreadId, cancellationToken);
    }

    /// <summary>Marks a delivery this instance began as failed without sending (nothing to post).</summary>
    public Task FailAsync(string key, string reason, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, DeliveryState.Failed, reason, null, cancellationToken);

    /// <summary>
    /// Records a delivery as deliberately not sent (holiday, missed beyond the grace period). A pending one is
    /// closed too, by compare-and-set, so an instance about to send it is withheld at its gate. True when this call
    /// recorded or closed it (false: it had ended already).
    /// </summary>
    public async Task<bool> RecordSkippedAsync(string key, string kind, string placeKey, DateTimeOffset dueUtc, string reason, CancellationToken cancellationToken = default)
    {
        var me = await owners.GetCurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await store.TryRecordDeliveryAsync(new Delivery(key, kind, placeKey, dueUtc, DeliveryState.Skipped, 0, reason, null, now, me), cancellationToken))
        {
            return true;
        }

        return await store.GetDeliveryAsync(key, cancellationToken) is { State: DeliveryState.Pending } pending
            && await store.TryReplaceDeliveryAsync(pending, pending with { State = DeliveryState.Skipped, LastError = reason, UpdatedAt = now }, cancellationToken);
    }

    private async Task UpdateAsync(string key, DeliveryState state, string? error, string? threadId, CancellationToken cancellationToken)
    {
        var current = await store.GetDeliveryAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"Delivery '{key}' was never recorded.");
        await store.UpdateDeliveryAsync(current with { State = state, LastError = error, ThreadId = threadId, UpdatedAt = time.GetUtcNow() }, cancellationToken);
    }

    [LoggerMessage(EventId = 4210, Level = LogLevel.Warning, Message = "Delivery {Key} was taken over from {Owner}, which is gone, before anything was sent")]
    private static partial void LogTakenOver(ILogger logger, string key, string? owner);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Delivery {Key}: its owner {Owner} stopped while sending; the outcome is unknown and it is not sent again")]
    private static partial void LogOutcomeUnknown(ILogger logger, string key, string? owner);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Information, Message = "Delivery {Key} withheld: another instance owns it")]
    private static partial void LogWithheld(ILogger logger, string key);
}
