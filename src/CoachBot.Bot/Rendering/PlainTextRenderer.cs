using CoachBot.Core.Messages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Rendering;

/// <summary>Plain text, for the terminal and any channel without rich formatting.</summary>
public sealed class PlainTextRenderer : IMessageRenderer
{
    /// <inheritdoc />
    public Activity Render(CoachMessage message)
    {
        var text = message.ToPlainText();
        if (message.Actions.Count > 0)
        {
            text += "\n[" + string.Join("] [", message.Actions.Select(a => a.Command)) + "]";
        }

        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Plain;
        activity.Summary = message.Summary;
        return activity;
    }
}
