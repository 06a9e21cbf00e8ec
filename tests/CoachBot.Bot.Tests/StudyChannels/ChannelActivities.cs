using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// Inbound activities as Teams sends them from a channel (or its threads) and from a group chat, and as Azure Bot
/// Service sends them from a Slack channel (the raw Slack event in <c>channelData.SlackMessage</c>).
/// </summary>
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

    /// <summary>The team's General channel: Teams sends the bot's installation and removal, and the team's channel and team events, there.</summary>
    public const string General = "19:general@thread.tacv2";

    /// <summary>Another channel of <see cref="Channel"/>'s team.</summary>
    public const string SecondChannel = "19:second@thread.tacv2";

    /// <summary>The team all the channels above belong to.</summary>
    public const string TeamId = "team-1";

    /// <summary>Puts <paramref name="activity"/> into <see cref="Channel"/> (or the thread <paramref name="conversationId"/>).</summary>
    public static Activity InChannel(Activity activity, string conversationId) => InTeamChannel(activity, Channel, "study", conversationId);

    /// <summary>Puts <paramref name="activity"/> into the team's channel <paramref name="channelId"/> (or a thread of it, <paramref name="conversationId"/>).</summary>
    public static Activity InTeamChannel(Activity activity, string channelId, string? channelName, string? conversationId = null)
    {
        activity.ChannelData = JObject.FromObject(new { team = new { id = TeamId }, channel = new { id = channelId, name = channelName }, tenant = new { id = "tenant-1" } });
        return IdPreservingTestAdapter.InConversation(activity, new ConversationAccount(isGroup: true, conversationType: "channel", id: conversationId ?? channelId));
    }

    /// <summary>
    /// A Teams channel or team event as Teams sends it: a <c>conversationUpdate</c> on <see cref="General"/> with
    /// <c>channelData.eventType</c>, the team and, for a channel event, the channel concerned.
    /// </summary>
    public static Activity TeamsEvent(string eventType, string? channelId = null, string? channelName = null)
    {
        var activity = InTeamChannel(new Activity(ActivityTypes.ConversationUpdate), General, null);
        var channelData = new JObject
        {
            ["eventType"] = eventType,
            ["team"] = new JObject { ["id"] = TeamId, ["name"] = "Interview prep" },
            ["tenant"] = new JObject { ["id"] = "tenant-1" },
        };
        if (channelId is not null)
        {
            channelData["channel"] = new JObject { ["id"] = channelId, ["name"] = channelName };
        }

        activity.ChannelData = channelData;
        return activity;
    }

    /// <summary>The Slack channel's conversation id through Azure Bot Service (<c>{bot}:{team}:{channel}</c>).</summary>
    public const string SlackChannel = "B0BOT:T0TEAM:C0STUDY";

    /// <summary>
    /// A message in <see cref="SlackChannel"/> with Slack timestamp <paramref name="ts"/>; in the thread of the message
    /// <paramref name="threadTs"/> when given. <paramref name="mention"/> adds a mention entity of the bot.
    /// </summary>
    public static Activity SlackMessage(string text, string userId, string ts, string? threadTs = null, bool mention = false)
    {
        var slackUser = userId.Split(':')[0];
        var slackEvent = new JObject
        {
            ["type"] = "message",
            ["user"] = slackUser,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = "C0STUDY",
            ["channel_type"] = "channel",
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            slackEvent["thread_ts"] = threadTs;
            slackEvent["parent_user_id"] = "U0BOT";
        }

        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text,
            From = new ChannelAccount(userId, slackUser.ToLowerInvariant()),
            ChannelData = new JObject
            {
                ["SlackMessage"] = new JObject
                {
                    ["team_id"] = "T0TEAM",
                    ["api_app_id"] = "A0APP",
                    ["event"] = slackEvent,
                    ["type"] = "event_callback",
                    ["event_id"] = $"Ev{ts.Replace(".", string.Empty, StringComparison.Ordinal)}",
                },
                ["ApiToken"] = "xoxb-not-a-real-token",
            },
        };
        if (mention)
        {
            activity.Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = "bot" }, text = "@coachbot" }) }];
        }

        return IdPreservingTestAdapter.InConversation(activity, new ConversationAccount(isGroup: true, id: SlackChannel));
    }
}
