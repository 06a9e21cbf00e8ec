using CoachBot.Core.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Handlers;

/// <summary>Reads a shared place (Teams channel or group chat, Slack channel) and a channel turn from an activity.</summary>
/// <remarks>
/// Slack through Azure Bot Service: the raw Slack event is in <c>channelData.SlackMessage.event</c> (<c>ts</c>,
/// <c>thread_ts</c>, <c>channel</c>, <c>user</c>, <c>text</c>); a reply in a thread has <c>thread_ts</c> = the parent's
/// <c>ts</c>. That is the documented shape; it has not been checked against a live Slack workspace.
/// </remarks>
public static class PlaceNormalizer
{
    private const string TeamsThreadSuffix = ";messageid=";

    /// <summary>The place the activity happened in (Feedback and Active are defaults; the store keeps the stored ones).</summary>
    public static StudyPlace ToPlace(IActivity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = ChannelData(activity);
        var conversationId = BaseConversationId(activity.Conversation?.Id ?? string.Empty, SlackThreadTs(activity, channelData));
        var type = activity.Conversation?.ConversationType;
        var kind = activity.ChannelId switch
        {
            "msteams" when string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase) => PlaceKind.TeamsChannel,
            "msteams" => PlaceKind.GroupChat,
            "slack" => PlaceKind.SlackChannel,
            _ => PlaceKind.Other,
        };
        return new StudyPlace(
            $"{activity.ChannelId}:{conversationId}",
            activity.ChannelId ?? "unknown",
            conversationId,
            kind,
            activity.ServiceUrl ?? string.Empty,
            (string?)channelData?["tenant"]?["id"] ?? activity.Conversation?.TenantId,
            (string?)channelData?["team"]?["id"],
            (string?)channelData?["channel"]?["id"] ?? (kind == PlaceKind.TeamsChannel ? conversationId : null),
            activity.Recipient?.Id ?? string.Empty,
            (string?)channelData?["channel"]?["name"] ?? activity.Conversation?.Name,
            Active: true,
            FeedbackMode.Private,
            now);
    }

    /// <summary>The channel turn of a message in <paramref name="place"/> (the stored place, with its feedback mode).</summary>
    public static ChannelTurn ToChannelTurn(IActivity activity, StudyPlace place)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var message = activity as IMessageActivity;
        var recipient = activity.Recipient?.Id;
        var mentioned = message?.Entities?.Any(e => e.Type == "mention" && (string?)e.Properties?["mentioned"]?["id"] == recipient) == true
            || (message?.Text?.Contains("<at", StringComparison.OrdinalIgnoreCase) ?? false);
        return new ChannelTurn(
            place,
            activity.Conversation?.Id ?? place.ConversationId,
            activity.From?.Id ?? string.Empty,
            activity.From?.AadObjectId,
            activity.From?.Name,
            TurnNormalizer.ToChatTurn(activity).Text,
            activity.Id,
            mentioned,
            SlackThreadTs(activity, ChannelData(activity)));
    }

    /// <summary>
    /// The Teams channel or team event a <c>conversationUpdate</c> carries (<c>channelData.eventType</c> with the team's
    /// id and, for a channel event, the channel's id and name), or <c>null</c> (not Teams, no event, no team id).
    /// </summary>
    public static TeamsPlaceEvent? ToTeamsEvent(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = string.Equals(activity.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase) ? ChannelData(activity) : null;
        var channel = channelData?["channel"] as JObject;
        return channelData?["eventType"] is JValue { Type: JTokenType.String, Value: string { Length: > 0 } eventType }
            && (channelData["team"] as JObject)?["id"] is JValue { Type: JTokenType.String, Value: string { Length: > 0 } teamId }
            ? new TeamsPlaceEvent(eventType, teamId, (string?)channel?["id"], (string?)channel?["name"])
            : null;
    }

    /// <summary>
    /// A thread's conversation id without its thread: a Teams channel thread's <c>;messageid=</c> suffix is removed, and
    /// a <c>:{threadTs}</c> suffix when the conversation id of a Slack thread reply carries it.
    /// </summary>
    public static string BaseConversationId(string conversationId, string? threadTs = null)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (threadTs is not null && conversationId.EndsWith(":" + threadTs, StringComparison.Ordinal))
        {
            return conversationId[..^(threadTs.Length + 1)];
        }

        var at = conversationId.IndexOf(TeamsThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }

    private static JObject? ChannelData(IActivity activity) =>
        activity.ChannelData as JObject ?? (activity.ChannelData is null ? null : JObject.FromObject(activity.ChannelData));

    /// <summary>The Slack thread a message was posted in (<c>SlackMessage.event.thread_ts</c>), or <c>null</c> (top level, not Slack).</summary>
    private static string? SlackThreadTs(IActivity activity, JObject? channelData) =>
        string.Equals(activity.ChannelId, "slack", StringComparison.OrdinalIgnoreCase)
            && channelData?["SlackMessage"]?["event"]?["thread_ts"] is JValue { Type: JTokenType.String } ts
            && !string.IsNullOrWhiteSpace((string?)ts)
            ? (string?)ts
            : null;
}

/// <summary>A Teams channel or team event (<c>channelData.eventType</c> of a <c>conversationUpdate</c>).</summary>
/// <param name="EventType">E.g. <c>channelDeleted</c>, <c>channelRenamed</c>, <c>teamDeleted</c>.</param>
/// <param name="TeamId">The team's id (<c>channelData.team.id</c>).</param>
/// <param name="ChannelId">The channel concerned (<c>channelData.channel.id</c>), for a channel event.</param>
/// <param name="ChannelName">The channel's name (after a rename, the new one), when given.</param>
public sealed record TeamsPlaceEvent(string EventType, string TeamId, string? ChannelId, string? ChannelName);
