using CoachBot.Core.Messages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Rendering;

/// <summary>
/// Adaptive Card 1.5 as plain JSON (the AdaptiveCards package is deliberately not used; see
/// build/BotFramework.props). Buttons are <c>Action.Submit</c> whose data carries the command, so a click
/// is handled exactly like typing it. The activity's <c>summary</c> is the notification text fallback.
/// </summary>
public sealed class AdaptiveCardRenderer : IMessageRenderer
{
    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Facts whose values are all at most this long render as a FactSet.</summary>
    public const int ShortFactLength = 40;

    /// <inheritdoc />
    public Activity Render(CoachMessage message)
    {
        var activity = MessageFactory.Text(null);
        activity.Summary = message.Summary;
        activity.Attachments = [new Attachment { ContentType = ContentType, Content = BuildCard(message) }];
        return activity;
    }

    /// <summary>The card JSON for <paramref name="message"/>.</summary>
    public static JObject BuildCard(CoachMessage message)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = message.ToPlainText(),
            ["body"] = new JArray(message.Blocks.Select(Block)),
        };
        if (message.Actions.Count > 0)
        {
            card["actions"] = new JArray(message.Actions.Select(a => new JObject
            {
                ["type"] = "Action.Submit",
                ["title"] = a.Title,
                ["data"] = new JObject { ["command"] = a.Command },
            }));
        }

        return card;
    }

    private static JObject Block(CoachBlock block) => block switch
    {
        TextBlock { Style: TextStyle.Heading } t => Text(t.Text, ("size", "Medium"), ("weight", "Bolder")),
        TextBlock { Style: TextStyle.Subtle } t => Text(t.Text, ("isSubtle", true), ("size", "Small")),
        TextBlock { Style: TextStyle.Quote } t => new JObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JArray(Text(t.Text, ("weight", "Bolder"))),
        },
        TextBlock t => Text(t.Text),
        FactsBlock f when f.Facts.All(x => x.Value.Length <= ShortFactLength) => new JObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JArray(f.Facts.Select(x => new JObject { ["title"] = x.Label, ["value"] = x.Value })),
        },
        FactsBlock f => Stacked(f),
        _ => Text(block.ToPlainText()),
    };

    /// <summary>
    /// Long values (a model's level plus the quoted evidence) squeeze a FactSet's title column until
    /// titles wrap word by word in Teams; they read better as a bold label over its text, separated.
    /// </summary>
    private static JObject Stacked(FactsBlock facts) => new()
    {
        ["type"] = "Container",
        ["items"] = new JArray(facts.Facts.SelectMany(x => new[]
        {
            Text(x.Label, ("weight", "Bolder"), ("separator", true), ("spacing", "Medium")),
            Text(x.Value, ("spacing", "None")),
        })),
    };

    private static JObject Text(string text, params (string Key, JToken Value)[] extra)
    {
        var json = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (key, value) in extra)
        {
            json[key] = value;
        }

        return json;
    }
}
