namespace CoachBot.Core.Channels;

/// <summary>
/// Study-channel timing, read from the <c>Scheduling</c> section that also configures the scheduler
/// (one key, two readers: the scheduler's misfire threshold and the posting rules agree).
/// </summary>
public sealed class StudyChannelOptions
{
    /// <summary>The configuration section (shared with the infrastructure's scheduler options, which validate it).</summary>
    public const string SectionName = "Scheduling";

    /// <summary>A missed occurrence (process down) is still posted when at most this late; later ones are skipped and logged. Default 2 hours.</summary>
    public TimeSpan MissedGracePeriod { get; set; } = TimeSpan.FromHours(2);
}
