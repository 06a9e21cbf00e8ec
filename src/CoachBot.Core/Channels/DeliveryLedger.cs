namespace CoachBot.Core.Channels;

/// <summary>The start of every recorded post: daily questions, recaps and quiz steps share one rule.</summary>
public static class DeliveryLedger
{
    /// <summary>
    /// Records <paramref name="pending"/> before sending. True when it is new, or when an earlier attempt left it
    /// pending (a crash between recording and sending: send it now); false once it was sent, failed or skipped.
    /// </summary>
    public static async Task<bool> BeginAsync(this IStudyChannelStore store, Delivery pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pending);
        return await store.TryRecordDeliveryAsync(pending, cancellationToken)
            || await store.GetDeliveryAsync(pending.Key, cancellationToken) is { State: DeliveryState.Pending };
    }
}
