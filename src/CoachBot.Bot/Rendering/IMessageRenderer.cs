using CoachBot.Core.Messages;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Rendering;

/// <summary>Turns a channel-neutral <see cref="CoachMessage"/> into an activity for one kind of channel.</summary>
public interface IMessageRenderer
{
    /// <summary>Renders <paramref name="message"/> as an outgoing message activity.</summary>
    Activity Render(CoachMessage message);
}

/// <summary>Chooses the renderer for a channel id.</summary>
public sealed class ChannelRenderers
{
    private readonly IMessageRenderer _cards = new AdaptiveCardRenderer();
    private readonly IMessageRenderer _slack = new SlackRenderer();
    private readonly IMessageRenderer _text = new PlainTextRenderer();

    /// <summary>Adaptive Cards for Teams, Web Chat and the Emulator; mrkdwn for Slack; plain text otherwise.</summary>
    public IMessageRenderer For(string? channelId) => channelId switch
    {
        Channels.Msteams or Channels.Webchat or Channels.Emulator or Channels.Directline => _cards,
        Channels.Slack => _slack,
        _ => _text,
    };
}
