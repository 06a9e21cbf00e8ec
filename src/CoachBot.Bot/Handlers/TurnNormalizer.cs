using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Core.Practice;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Handlers;

/// <summary>Turns a Bot Framework activity into a channel-neutral <see cref="ChatTurn"/>.</summary>
public static partial class TurnNormalizer
{
    /// <summary>
    /// Builds the turn: button data wins over text; Teams mentions are stripped from the text and kept as
    /// <see cref="ChatTurn.Mentions"/> (the bot excluded); text is trimmed. Attachments are the caller's to add
    /// (<see cref="AttachmentReader"/>).
    /// </summary>
    public static ChatTurn ToChatTurn(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var message = activity as IMessageActivity;
        var text = CommandFromValue(message?.Value) ?? CleanText(message?.Text);
        var hasAttachments = message?.Attachments?.Any(a => a.ContentType is not null && !a.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) == true;
        return new ChatTurn(
            UserKey(activity),
            activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? string.Empty,
            activity.From?.Name,
            text,
            activity.Id,
            hasAttachments)
        {
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            Mentions = Mentions(message, activity.Recipient?.Id),
        };
    }

    /// <summary>The users mentioned in the message (Bot Framework <c>mention</c> entities), the bot itself excluded.</summary>
    public static IReadOnlyList<ChatMention> Mentions(IMessageActivity? message, string? botId) =>
        [.. (message?.Entities ?? [])
            .Where(e => e.Type == "mention" && e.Properties?["mentioned"] is JObject)
            .Select(e => (JObject)e.Properties["mentioned"]!)
            .Select(m => new ChatMention((string?)m["id"] ?? string.Empty, (string?)m["aadObjectId"], (string?)m["name"]))
            .Where(m => m.Id.Length > 0 && m.Id != botId)
            .DistinctBy(m => m.Id)];

    /// <summary>The learner key, <c>{channelId}:{userId}</c>.</summary>
    public static string UserKey(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}:{activity.From?.Id}";
    }

    /// <summary>True for Teams channels and group chats (anything that is not a 1:1 conversation).</summary>
    public static bool IsGroupConversation(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Conversation?.ConversationType;
        return activity.Conversation?.IsGroup == true
            || string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "groupChat", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Strips <c>&lt;at&gt;…&lt;/at&gt;</c> mentions, decodes HTML entities Teams may add, and trims.</summary>
    public static string CleanText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutMentions = MentionPattern().Replace(text, " ");
        return WebUtility.HtmlDecode(withoutMentions).Replace('\u00A0', ' ').Trim();
    }

    private static string? CommandFromValue(object? value)
    {
        var json = value switch
        {
            JObject j => j,
            string s when s.TrimStart().StartsWith('{') => TryParse(s),
            _ => null,
        };
        return json?["command"] is JValue { Type: JTokenType.String } command ? ((string)command!).Trim() : null;
    }

    private static JObject? TryParse(string s)
    {
        try
        {
            return JObject.Parse(s);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionPattern();
}
