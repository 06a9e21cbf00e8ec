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

    /// <summary>The recap is posted this long before the next question of the day. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan RecapBeforeNext { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The answer window never exceeds this (recap at the latest then). Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxAnswerWindow { get; set; } = TimeSpan.FromHours(24);
}
