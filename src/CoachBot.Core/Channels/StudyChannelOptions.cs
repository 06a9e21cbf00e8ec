using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Channels;

/// <summary>Study-channel behaviour (configuration section <c>StudyChannels</c>).</summary>
public sealed class StudyChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "StudyChannels";

    /// <summary>A missed occurrence (process down) is still posted when at most this late; later ones are skipped and logged. Default 2 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MissedGracePeriod { get; set; } = TimeSpan.FromHours(2);
}
