using Microsoft.Bot.Builder.Adapters;
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

    /// <summary>
    /// The next reply the bot sends, waiting up to <paramref name="timeout"/> (for proactive sends after the turn).
    /// Polled rather than <c>AssertReply(…, timeout)</c>: TestAdapter never disposes the timeout's registration, so a
    /// reply that arrives while it waits leaves a timer that later calls SetCanceled on a completed task and crashes
    /// the test host.
    /// </summary>
    public static async Task<IActivity> NextReplyAsync(TestAdapter adapter, TimeSpan timeout)
    {
        IActivity? reply = null;
        await EventuallyAsync(() => (reply = adapter.GetNextReply()) is not null, timeout, "a reply");
        return reply!;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        Assert.True(await WaitUntilAsync(condition, timeout), $"No {what} within {timeout}.");

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; says whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>
    /// What the user sees, one "label: value" per fact whatever the channel: a card's FactSet and its stacked label/value
    /// pairs alike, Slack's and the terminal's bullets dropped.
    /// </summary>
    public static string Flat(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        if (message.Attachments is not [{ Content: JObject card }, ..])
        {
            return Visible(activity).Replace("• ", string.Empty, StringComparison.Ordinal).Replace("\n- ", "\n", StringComparison.Ordinal).TrimStart('-', ' ');
        }

        var lines = new List<string>();
        foreach (var item in card.SelectTokens("$.body[*]"))
        {
            if ((string?)item["type"] == "FactSet")
            {
                lines.AddRange(item["facts"]!.Select(f => $"{f["title"]}: {f["value"]}"));
            }
            else if ((string?)item["type"] == "Container" && item["items"] is JArray { Count: > 0 } items && items.Count % 2 == 0 && (string?)items[0]["weight"] == "Bolder")
            {
                for (var i = 0; i + 1 < items.Count; i += 2)
                {
                    lines.Add($"{items[i]["text"]}: {items[i + 1]["text"]}");
                }
            }
            else
            {
                lines.AddRange(item.SelectTokens("$..text").Select(t => (string)t!));
            }
        }

        return string.Join("\n", lines).Replace("• ", string.Empty, StringComparison.Ordinal);
    }
}
