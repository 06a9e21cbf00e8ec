using CoachBot.Bot.Rendering;
using CoachBot.Core.Messages;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.Rendering;

public sealed class RendererTests
{
    private static readonly CoachMessage Sample = new()
    {
        Blocks =
        [
            new TextBlock("72/100", TextStyle.Heading),
            new TextBlock("How does security <relate> to trust & speed?", TextStyle.Quote),
            new FactsBlock([new CoachFact("Scale Thinking", "Solid (60): \u201Cmillions of customers\u201D")]),
            new TextBlock("Type retry to try again.", TextStyle.Subtle),
        ],
        Actions = [new CoachAction("Retry", "retry"), new CoachAction("Next question", "next")],
        Summary = "Your answer scored 72/100.",
    };

    [Theory]
    [InlineData(Channels.Msteams, typeof(AdaptiveCardRenderer))]
    [InlineData(Channels.Webchat, typeof(AdaptiveCardRenderer))]
    [InlineData(Channels.Emulator, typeof(AdaptiveCardRenderer))]
    [InlineData(Channels.Slack, typeof(SlackRenderer))]
    [InlineData("terminal", typeof(PlainTextRenderer))]
    [InlineData(null, typeof(PlainTextRenderer))]
    public void For_ChannelId_PicksTheChannelsRenderer(string? channel, Type expected) =>
        Assert.IsType(expected, new ChannelRenderers().For(channel));

    [Fact]
    public void AdaptiveCard_IsSchema15_WithSubmitButtonsCarryingTheCommand_AndASummaryFallback()
    {
        var activity = new AdaptiveCardRenderer().Render(Sample);

        Assert.Equal("Your answer scored 72/100.", activity.Summary);
        var attachment = Assert.Single(activity.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = (JObject)attachment.Content;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains("72/100", (string?)card["fallbackText"], StringComparison.Ordinal);

        var body = (JArray)card["body"]!;
        Assert.Equal(["TextBlock", "Container", "FactSet", "TextBlock"], body.Select(b => (string?)b["type"]));
        Assert.All(body.SelectTokens("$..[?(@.type == 'TextBlock')]"), t => Assert.True((bool?)t["wrap"]));
        Assert.Equal("Scale Thinking", (string?)body[2]["facts"]![0]!["title"]);

        var actions = (JArray)card["actions"]!;
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal(["retry", "next"], actions.Select(a => (string?)a["data"]!["command"]));
    }

    [Fact]
    public void AdaptiveCard_LongFactValues_AreStackedAsBoldLabelOverText_NotAFactSet()
    {
        var message = Sample with { Blocks = [new FactsBlock([new CoachFact("Customer-First Security", "Strong (88): \u201C" + new string('x', 80) + "\u201D")])] };
        var body = (JArray)AdaptiveCardRenderer.BuildCard(message)["body"]!;

        var container = Assert.Single(body);
        Assert.Equal("Container", (string?)container["type"]);
        var items = (JArray)container["items"]!;
        Assert.Equal("Customer-First Security", (string?)items[0]["text"]);
        Assert.Equal("Bolder", (string?)items[0]["weight"]);
        Assert.StartsWith("Strong (88)", (string?)items[1]["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_IsMrkdwn_EscapesControlCharacters_AndListsCommands()
    {
        var activity = new SlackRenderer().Render(Sample);

        Assert.Null(activity.Attachments?.FirstOrDefault());
        Assert.Equal("markdown", activity.TextFormat);
        Assert.Equal(
            "*72/100*\n> How does security &lt;relate&gt; to trust &amp; speed?\n\u2022 *Scale Thinking*: Solid (60): \u201Cmillions of customers\u201D\n_Type retry to try again._\nReply with `retry` \u00B7 `next`",
            activity.Text);
    }

    [Fact]
    public void PlainText_HasEveryLine_AndTheCommandsInBrackets()
    {
        var text = new PlainTextRenderer().Render(Sample).Text;

        Assert.Equal(
            "72/100\n\u201CHow does security <relate> to trust & speed?\u201D\n- Scale Thinking: Solid (60): \u201Cmillions of customers\u201D\nType retry to try again.\n[retry] [next]",
            text);
    }
}
