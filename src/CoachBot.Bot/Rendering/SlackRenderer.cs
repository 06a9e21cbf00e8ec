using System.Text;
using CoachBot.Core.Messages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Rendering;

/// <summary>
/// Slack mrkdwn text (Slack through Azure Bot Service). Buttons become a "reply with" line, since typed
/// commands and buttons are equivalent.
/// </summary>
public sealed class SlackRenderer : IMessageRenderer
{
    /// <inheritdoc />
    public Activity Render(CoachMessage message)
    {
        var sb = new StringBuilder();
        foreach (var block in message.Blocks)
        {
            switch (block)
            {
                case TextBlock { Style: TextStyle.Heading } t:
                    sb.Append('*').Append(Escape(t.Text)).Append("*\n");
                    break;
                case TextBlock { Style: TextStyle.Quote } t:
                    sb.Append("> ").Append(Escape(t.Text).Replace("\n", "\n> ", StringComparison.Ordinal)).Append('\n');
                    break;
                case TextBlock { Style: TextStyle.Subtle } t:
                    sb.Append('_').Append(Escape(t.Text)).Append("_\n");
                    break;
                case TextBlock t:
                    sb.Append(Escape(t.Text)).Append('\n');
                    break;
                case FactsBlock f:
                    foreach (var fact in f.Facts)
                    {
                        sb.Append("• *").Append(Escape(fact.Label)).Append("*: ").Append(Escape(fact.Value)).Append('\n');
                    }

                    break;
            }
        }

        if (message.Actions.Count > 0)
        {
            sb.Append("Reply with ").Append(string.Join(" · ", message.Actions.Select(a => $"`{Escape(a.Command)}`"))).Append('\n');
        }

        var activity = MessageFactory.Text(sb.ToString().TrimEnd());
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Summary = message.Summary;
        return activity;
    }

    /// <summary>Slack requires &amp;, &lt; and &gt; to be escaped in message text.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
