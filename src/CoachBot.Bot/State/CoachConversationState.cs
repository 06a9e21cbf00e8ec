namespace CoachBot.Bot.State;

/// <summary>
/// Per-conversation chat state kept in Bot Framework conversation state (on the database through
/// <see cref="DatabaseBotStorage"/>). Channels redeliver an activity when a reply is slow; remembering
/// the last ids processed makes a redelivery harmless instead of grading the same answer twice.
/// </summary>
public sealed class CoachConversationState
{
    /// <summary>How many recent activity ids are remembered.</summary>
    public const int RememberedActivities = 32;

    /// <summary>Recently processed activity ids, newest last.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>True once the welcome message was sent in this conversation.</summary>
    public bool Welcomed { get; set; }

    /// <summary>Records an id; returns false when it was already processed.</summary>
    public bool TryRecord(string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return true;
        }

        if (RecentActivityIds.Contains(activityId, StringComparer.Ordinal))
        {
            return false;
        }

        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivities)
        {
            RecentActivityIds.RemoveRange(0, RecentActivityIds.Count - RememberedActivities);
        }

        return true;
    }
}
