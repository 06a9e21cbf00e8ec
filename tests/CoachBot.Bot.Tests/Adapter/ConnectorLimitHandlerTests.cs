using CoachBot.Bot.Adapter;

namespace CoachBot.Bot.Tests.Adapter;

/// <summary>Which connector requests are activity sends, and the conversation they count against.</summary>
public sealed class ConnectorLimitHandlerTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities", "a:1xyz")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1xyz/activities/1712345", "a:1xyz")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1712/activities", "19:abc@thread.tacv2")]
    [InlineData("https://slack.botframework.com/v3/conversations/B1%3AT1%3AC1/activities/1.2", "B1:T1:C1")]
    [InlineData("http://127.0.0.1:5000/v3/conversations/a%3Alocal/activities", "a:local")]
    public void ActivitySends_CountAgainstTheirConversation_ThreadRepliesAgainstTheChannel(string uri, string conversation) =>
        Assert.Equal(conversation, ConnectorLimitHandler.ConversationOf(new Uri(uri)));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations")] // creating a conversation
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/members")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities/1/members")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/attachments/abc")]
    [InlineData("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    public void OtherCalls_AreNotActivitySends(string uri) =>
        Assert.Null(ConnectorLimitHandler.ConversationOf(new Uri(uri)));
}
