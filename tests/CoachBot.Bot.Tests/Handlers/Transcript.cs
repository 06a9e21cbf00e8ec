using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>Reads replies the way a user sees them.</summary>
internal static class Transcript
{
    /// <summary>What the user sees: text, or every text and fact in the card.</summary>
    public static string Visible(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var parts = new List<string?> { message.Text?.Replace("*", string.Empty, StringComparison.Ordinal) };
        foreach (var attachment in message.Attachments ?? [])
        {
            var card = JObject.FromObject(attachment.Content);
            parts.AddRange(card.SelectTokens("$.body..text").Select(t => (string?)t));
            parts.AddRange(card.SelectTokens("$..facts[*]").Select(f => $"{f["title"]}: {f["value"]}"));
        }

        return string.Join("\n", parts.Where(p => !string.IsNullOrEmpty(p)));
    }
}
