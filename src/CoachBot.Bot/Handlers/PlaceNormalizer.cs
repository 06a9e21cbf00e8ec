using CoachBot.Core.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Handlers;

/// <summary>Reads a shared place (Teams channel or group chat, Slack channel) and a channel turn from an activity.</summary>
public static class PlaceNormalizer
{
    private const string TeamsThreadSuffix = ";messageid=";

    /// <summary>The place the activity happened in (Feedback and Active are defaults; the store keeps the stored ones).</summary>
    public static StudyPlace ToPlace(IActivity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = BaseConversationId(activity.Conversation?.Id ?? string.Empty);
        var channelData = activity.ChannelData as JObject ?? (activity.ChannelData is null ? null : JObject.FromObject(activity.ChannelData));
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
            mentioned);
    }

    /// <summary>A Teams channel thread's conversation id without its <c>;messageid=</c> suffix.</summary>
    public static string BaseConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var at = conversationId.IndexOf(TeamsThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? conversationId : conversationId[..at];
    }
}
