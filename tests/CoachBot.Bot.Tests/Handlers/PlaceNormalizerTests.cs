using CoachBot.Bot.Handlers;
using CoachBot.Core.Channels;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.Handlers;

public sealed class PlaceNormalizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    // An activity as Azure Bot Service posts it for a reply in a Slack thread: the Slack Events API envelope is in
    // channelData.SlackMessage, the message itself in its "event". Ids and the token are made up.
    private const string SlackThreadReply = """
        {
          "type": "message",
          "id": "9f1c7a0e-3b7a-4e2b-8a57-1f2d3c4b5a69",
          "timestamp": "2026-01-01T08:01:00.123Z",
          "serviceUrl": "https://slack.botframework.com/",
          "channelId": "slack",
          "from": { "id": "U0ANA:T0TEAM", "name": "ana" },
          "conversation": { "isGroup": true, "id": "B0BOT:T0TEAM:C0STUDY" },
          "recipient": { "id": "B0BOT:T0TEAM", "name": "coachbot" },
          "text": "We made MFA the safe default and account takeovers fell by three quarters.",
          "channelData": {
            "SlackMessage": {
              "token": "verification-token",
              "team_id": "T0TEAM",
              "api_app_id": "A0APP",
              "event": {
                "type": "message",
                "user": "U0ANA",
                "text": "We made MFA the safe default and account takeovers fell by three quarters.",
                "ts": "1767254460.000200",
                "thread_ts": "1767254400.000001",
                "parent_user_id": "U0BOT",
                "channel": "C0STUDY",
                "event_ts": "1767254460.000200",
                "channel_type": "channel"
              },
              "type": "event_callback",
              "event_id": "Ev0THREADREPLY",
              "event_time": 1767254460,
              "authed_users": [ "U0BOT" ]
            },
            "ApiToken": "xoxb-not-a-real-token"
          }
        }
        """;

    [Fact]
    public void ToChannelTurn_SlackThreadReply_ThreadKeyIsTheEventsThreadTs()
    {
        var activity = Parse(SlackThreadReply);

        var turn = PlaceNormalizer.ToChannelTurn(activity, PlaceNormalizer.ToPlace(activity, Now));

        Assert.Equal("1767254400.000001", turn.ThreadKey);
        Assert.False(turn.MentionsBot);
        Assert.Equal("slack:U0ANA:T0TEAM", turn.UserKey);
        Assert.Equal(("slack:B0BOT:T0TEAM:C0STUDY", PlaceKind.SlackChannel), (turn.Place.PlaceKey, turn.Place.Kind));
    }

    [Fact]
    public void ToChannelTurn_SlackTopLevelMessage_NoThreadKey()
    {
        var activity = Parse(SlackThreadReply);
        var slackEvent = (JObject)((JObject)activity.ChannelData)["SlackMessage"]!["event"]!;
        slackEvent.Remove("thread_ts");
        slackEvent.Remove("parent_user_id");

        Assert.Null(PlaceNormalizer.ToChannelTurn(activity, PlaceNormalizer.ToPlace(activity, Now)).ThreadKey);
    }

    [Fact]
    public void ToChannelTurn_NotSlack_ThreadTsInChannelDataIsIgnored()
    {
        var activity = Parse(SlackThreadReply);
        activity.ChannelId = "msteams";

        Assert.Null(PlaceNormalizer.ToChannelTurn(activity, PlaceNormalizer.ToPlace(activity, Now)).ThreadKey);
    }

    [Fact]
    public void ToPlace_SlackThreadReplyWhoseConversationIdCarriesTheThread_IsTheChannelsPlace()
    {
        var activity = Parse(SlackThreadReply);
        activity.Conversation.Id = "B0BOT:T0TEAM:C0STUDY:1767254400.000001";

        var place = PlaceNormalizer.ToPlace(activity, Now);

        Assert.Equal(("slack:B0BOT:T0TEAM:C0STUDY", "B0BOT:T0TEAM:C0STUDY"), (place.PlaceKey, place.ConversationId));
        Assert.Equal(activity.Conversation.Id, PlaceNormalizer.ToChannelTurn(activity, place).ConversationId);
    }

    [Fact]
    public void ToPlace_TeamsChannelThread_IsTheChannelsPlace()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "msteams",
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: "19:study@thread.tacv2;messageid=1767254400001"),
        };

        Assert.Equal("msteams:19:study@thread.tacv2", PlaceNormalizer.ToPlace(activity, Now).PlaceKey);
    }

    private static Activity Parse(string json) => JsonConvert.DeserializeObject<Activity>(json)!;
}
