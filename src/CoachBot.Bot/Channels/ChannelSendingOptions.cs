using System.ComponentModel.DataAnnotations;

namespace CoachBot.Bot.ChannelSending;

/// <summary>
/// How study-channel sends keep to the platforms' limits and retry (configuration section <c>ChannelSending</c>).
/// The per-conversation limits are the platforms' documented ones and are not configurable: Teams 7 per second,
/// 60 per 30 seconds and 1,800 per hour per conversation; Slack 1 per second per channel.
/// </summary>
public sealed class ChannelSendingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChannelSending";

    /// <summary>
    /// Messages per second to one tenant (a Teams tenant; for channels without tenants, the whole channel), all its
    /// conversations together. Teams allows 50 per app per tenant; the default 30 leaves room for turn replies.
    /// </summary>
    [Range(1, 50, ErrorMessage = "ChannelSending:TenantMessagesPerSecond must be between 1 and 50 (Teams' per-tenant limit).")]
    public int TenantMessagesPerSecond { get; set; } = 30;

    /// <summary>Attempts per request, the first included, for throttling (429) and server errors (412, 502, 503, 504). Default 5.</summary>
    [Range(1, 10, ErrorMessage = "ChannelSending:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay when the platform names none; later ones grow exponentially, with jitter. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "ChannelSending:BaseDelay must be between 0 and 1 minute.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest <c>Retry-After</c> waited for. A 429 asking for longer is not retried: the send ends
    /// <see cref="Core.Channels.SendOutcome.Failed"/> and can be tried again later. Default 60 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ChannelSending:MaxRetryAfter must be between 1 second and 10 minutes.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
