using CoachBot.Bot.Terminal;
using BotChannels = Microsoft.Bot.Connector.Channels;

namespace CoachBot.Bot.Diagnostics;

/// <summary>
/// The channel id as a metric tag: the channels CoachBot serves, anything else <c>other</c>. In anonymous mode a
/// request may name any channel id, and a tag of arbitrary values would let one client grow the metrics without bound.
/// </summary>
internal static class ChannelTag
{
    public const string Other = "other";

    private static readonly HashSet<string> Known = new(
        [BotChannels.Msteams, BotChannels.Slack, BotChannels.Emulator, BotChannels.Webchat, BotChannels.Directline, BotChannels.Test, TerminalAdapter.ChannelId],
        StringComparer.OrdinalIgnoreCase);

    public static string For(string? channelId) =>
        channelId is not null && Known.TryGetValue(channelId, out var known) ? known : Other;
}
