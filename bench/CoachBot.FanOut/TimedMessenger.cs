using System.Diagnostics;
using CoachBot.Core.Channels;
using CoachBot.Core.Messages;

namespace CoachBot.FanOut;

/// <summary>
/// Wraps the host's real <see cref="IChannelMessenger"/> (the rate-limited <c>ChannelMessenger</c>) and adds up the
/// wall time spent inside <see cref="PostAsync"/> and the outcomes. Nothing else changes.
/// </summary>
internal sealed class TimedMessenger(IChannelMessenger inner) : IChannelMessenger
{
    private long _posts;
    private long _sent;
    private long _ticks;

    public long Posts => Interlocked.Read(ref _posts);

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Summed wall time of all <see cref="PostAsync"/> calls (overlapping calls each count).</summary>
    public TimeSpan PostTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    /// <summary>Replaces the registered messenger with this wrapper around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IChannelMessenger));
        var type = descriptor.ImplementationType ?? throw new InvalidOperationException("The channel messenger is expected to be registered by type.");
        services.Remove(descriptor);
        services.AddSingleton<IChannelMessenger>(sp => new TimedMessenger((IChannelMessenger)ActivatorUtilities.CreateInstance(sp, type)));
    }

    public async Task<SendResult> PostAsync(StudyPlace place, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await inner.PostAsync(place, message, gate, cancellationToken);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _posts);
        if (result.Outcome == SendOutcome.Sent)
        {
            Interlocked.Increment(ref _sent);
        }

        return result;
    }

    public Task<SendResult> ReplyInThreadAsync(StudyPlace place, string threadId, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default) =>
        inner.ReplyInThreadAsync(place, threadId, message, gate, cancellationToken);

    public Task<SendResult> SendPrivateAsync(StudyPlace place, string userId, string? userName, CoachMessage message, CancellationToken cancellationToken = default) =>
        inner.SendPrivateAsync(place, userId, userName, message, cancellationToken);
}
