using CoachBot.Core.Channels;

namespace CoachBot.Tests.ChannelSending;

/// <summary>Builds study places the way the bot records them from Teams and Slack activities.</summary>
internal static class StudyPlaces
{
    public const string Tenant = "tenant-1";

    public static StudyPlace TeamsChannel(string serviceUrl, string channelId = "19:study-1@thread.tacv2", string tenantId = Tenant) => new(
        $"msteams:{channelId}", "msteams", channelId, PlaceKind.TeamsChannel, serviceUrl, tenantId, "19:team-1@thread.tacv2", channelId,
        "28:coachbot", "Interview study", Active: true, FeedbackMode.Private, DateTimeOffset.UtcNow);

    public static StudyPlace SlackChannel(string serviceUrl, string conversationId = "B0BOT:T0TEAM:C0STUDY") => new(
        $"slack:{conversationId}", "slack", conversationId, PlaceKind.SlackChannel, serviceUrl, null, null, null,
        "B0BOT:T0TEAM", "study", Active: true, FeedbackMode.Private, DateTimeOffset.UtcNow);
}
