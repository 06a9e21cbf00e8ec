using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.ChannelSending;

/// <summary>What a send is counted against: its conversation (or channel) and its tenant.</summary>
/// <param name="Conversation">The per-conversation partition, e.g. <c>msteams:19:x@thread.tacv2</c>.</param>
/// <param name="Tenant">The per-tenant partition, e.g. <c>msteams:tenant-id</c>.</param>
/// <param name="Slack">Slack's limits instead of Teams'.</param>
internal readonly record struct SendKey(string Conversation, string Tenant, bool Slack)
{
    /// <summary>The key for a send to a place: thread replies count against the place's own conversation.</summary>
    public static SendKey ForPlace(string channelId, string conversationId, string? tenantId) => new(
        $"{channelId}:{conversationId}",
        $"{channelId}:{tenantId ?? "-"}",
        string.Equals(channelId, Microsoft.Bot.Connector.Channels.Slack, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Keeps sends within the platforms' rate limits. Every request (each retry attempt too) waits here for a permit:
/// waits queue in arrival order and are never dropped; cancelling the caller's token leaves the queue.
/// <para>
/// Design: a chain of <see cref="PartitionedRateLimiter{TResource}"/>s, longest window first, so a send waiting for the
/// hour's budget does not hold the short windows' permits: per conversation 1,800 per hour, 60 per 30 s, 7 per
/// second (Teams; Slack: 1 per second), then per tenant <see cref="ChannelSendingOptions.TenantMessagesPerSecond"/>.
/// Each window is a sliding window one segment longer than the documented period, so a permit is given back only
/// after a full period has passed (a plain sliding window can release a permit up to one segment early).
/// Memory is bounded by the BCL's partitioned limiter: a partition whose windows are empty again (idle) for about
/// 10 seconds is disposed and removed, and comes back fresh when needed.
/// </para>
/// </summary>
internal sealed class SendLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<SendKey> _chain;
    private readonly PartitionedRateLimiter<SendKey> _conversationChain;
    private readonly PartitionedRateLimiter<SendKey>[] _parts;
    private int _waiting;

    public SendLimiter(IOptions<ChannelSendingOptions> options)
        : this(options, PlatformLimits.Documented)
    {
    }

    internal SendLimiter(IOptions<ChannelSendingOptions> options, PlatformLimits limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        var tenant = new RateWindow(options.Value.TenantMessagesPerSecond, limits.TenantPeriod, limits.TenantSegment);

        // Per conversation: one partitioned limiter per Teams window, longest first; Slack's single window rides on
        // the last (shortest) one and is unlimited in the others. Then the tenant.
        var perConversation = limits.Teams.Select((window, i) => i == limits.Teams.Count - 1
            ? PartitionedRateLimiter.Create<SendKey, string>(k => Window(k.Conversation, k.Slack ? limits.Slack : window))
            : PartitionedRateLimiter.Create<SendKey, string>(k => k.Slack ? RateLimitPartition.GetNoLimiter(k.Conversation) : Window(k.Conversation, window)));
        PartitionedRateLimiter<SendKey>[] conversation = [.. perConversation];
        _parts = [.. conversation, PartitionedRateLimiter.Create<SendKey, string>(k => Window(k.Tenant, tenant))];
        _chain = PartitionedRateLimiter.CreateChained(_parts);
        _conversationChain = PartitionedRateLimiter.CreateChained(conversation);
    }

    /// <summary>Requests waiting for a permit now (the <c>limiter</c> series of <c>coachbot.sends.queue_depth</c>).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits for a permit to send one request for <paramref name="key"/>. <paramref name="conversationOnly"/>: only the
    /// conversation's windows, not the tenant's (a reply within a turn must not queue behind a fan-out to the tenant).
    /// </summary>
    public async ValueTask WaitAsync(SendKey key, CancellationToken cancellationToken, bool conversationOnly = false)
    {
        RateLimitLease acquired;
        Interlocked.Increment(ref _waiting);
        try
        {
            acquired = await (conversationOnly ? _conversationChain : _chain).AcquireAsync(key, 1, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        // Window limiters give nothing back on dispose: the permit is used up by this request.
        using var lease = acquired;
        if (!lease.IsAcquired)
        {
            // Only possible if the queue limit were reached; it is unbounded, so this is a defect, not load.
            throw new InvalidOperationException("A send permit was refused although sends queue without limit.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _chain.Dispose();
        _conversationChain.Dispose();
        foreach (var part in _parts)
        {
            part.Dispose();
        }
    }

    // Each window replenishes on its own timer (AutoReplenishment). The partitioned limiter's shared 100 ms heartbeat
    // would do it without timers, but it restarts the segment clock at every tick it catches, so a 100 ms segment
    // lasts up to 200 ms and the limits come out up to twice as strict as documented. Timers live only as long as
    // their partition: an idle partition is disposed with its timer.
    private static RateLimitPartition<string> Window(string key, RateWindow window) =>
        RateLimitPartition.Get(key, _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = window.Permits,
            Window = window.Period + window.Segment,
            SegmentsPerWindow = (int)Math.Round(window.Period / window.Segment) + 1,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
}
