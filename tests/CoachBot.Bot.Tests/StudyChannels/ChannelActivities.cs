using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>Inbound activities as Teams sends them from a channel (or its threads) and from a group chat.</summary>
internal static class ChannelActivities
{
    /// <summary>The Teams channel's own conversation id (a thread adds <c>;messageid=…</c>).</summary>
    public const string Channel = "19:study@thread.tacv2";

    /// <summary>A message in <paramref name="conversationId"/> (the channel or one of its threads); <c>&lt;at&gt;</c> text mentions the bot.</summary>
    public static Activity Message(string text, string conversationId, string userId, string? name = null, bool mention = true)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text,
            From = new ChannelAccount(userId, name ?? userId),
        };
        if (mention && text.Contains("<at>", StringComparison.Ordinal))
        {
            activity.Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = "bot" }, text = "<at>CoachBot</at>" }) }];
        }

        return InChannel(activity, conversationId);
    }

    /// <summary>Moves <paramref name="activity"/> into a Teams group chat.</summary>
    public static Activity GroupChat(Activity activity, string chatId)
    {
        activity.ChannelData = JObject.FromObject(new { tenant = new { id = "tenant-1" } });
        return IdPreservingTestAdapter.InConversation(activity, new ConversationAccount(isGroup: true, conversationType: "groupChat", id: chatId));
    }

    /// <summary>Puts <paramref name="activity"/> into <see cref="Channel"/> (or the thread <paramref name="conversationId"/>).</summary>
    public static Activity InChannel(Activity activity, string conversationId)
    {
        activity.ChannelData = JObject.FromObject(new { team = new { id = "team-1" }, channel = new { id = Channel, name = "study" }, tenant = new { id = "tenant-1" } });
        return IdPreservingTestAdapter.InConversation(activity, new ConversationAccount(isGroup: true, conversationType: "channel", id: conversationId));
    }
}
