namespace CoachBot.Bot.ChannelSending;

/// <summary>At most <paramref name="Permits"/> sends in any <paramref name="Period"/>, counted in <paramref name="Segment"/> steps.</summary>
internal readonly record struct RateWindow(int Permits, TimeSpan Period, TimeSpan Segment);

/// <summary>
/// The platforms' documented send limits. Teams (per bot per conversation): 7 per second, 60 per 30 seconds,
/// 1,800 per hour; Slack (<c>chat.postMessage</c>): 1 per second per channel. The per-tenant rate comes from
/// <see cref="ChannelSendingOptions.TenantMessagesPerSecond"/>, counted per <see cref="TenantPeriod"/>.
/// </summary>
/// <param name="Teams">Teams' windows per conversation, longest first.</param>
/// <param name="Slack">Slack's window per channel.</param>
/// <param name="TenantPeriod">The period of the per-tenant rate (one second).</param>
/// <param name="TenantSegment">The counting step of the per-tenant rate.</param>
internal sealed record PlatformLimits(IReadOnlyList<RateWindow> Teams, RateWindow Slack, TimeSpan TenantPeriod, TimeSpan TenantSegment)
{
    private static readonly TimeSpan Tenth = TimeSpan.FromMilliseconds(100);

    // The window is one step longer than its period (a permit comes back only after a full period), so the
    // step bounds the sustained rate: 20 ms keeps a 50/s tenant at 50 per 1.02 s (100 ms steps measured 45.5/s).
    private static readonly TimeSpan TenantStep = TimeSpan.FromMilliseconds(20);

    // Timer-driven segments much finer than this starve on a loaded 2-core machine (the 10x-fast test clock hung).
    private static readonly TimeSpan FinestStep = TimeSpan.FromMilliseconds(10);

    /// <summary>The documented limits.</summary>
    public static PlatformLimits Documented { get; } = new(
        [
            new RateWindow(1800, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)),
            new RateWindow(60, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)),
            new RateWindow(7, TimeSpan.FromSeconds(1), Tenth),
        ],
        new RateWindow(1, TimeSpan.FromSeconds(1), Tenth),
        TimeSpan.FromSeconds(1),
        TenantStep);

    /// <summary>The same limits on a faster clock (tests): every period and step multiplied by <paramref name="factor"/>.</summary>
    public PlatformLimits Scaled(double factor) => new(
        [.. Teams.Select(w => Scale(w, factor))],
        Scale(Slack, factor),
        TenantPeriod * factor,
        TimeSpan.FromTicks(Math.Max((TenantSegment * factor).Ticks, FinestStep.Ticks)));

    private static RateWindow Scale(RateWindow window, double factor) => window with { Period = window.Period * factor, Segment = window.Segment * factor };
}
