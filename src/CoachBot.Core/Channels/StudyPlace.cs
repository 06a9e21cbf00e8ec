namespace CoachBot.Core.Channels;

/// <summary>What kind of shared place the bot is installed in.</summary>
public enum PlaceKind
{
    /// <summary>A channel of a Teams team (posts start threads).</summary>
    TeamsChannel,

    /// <summary>A Teams group chat (no threads: posts are plain messages).</summary>
    GroupChat,

    /// <summary>A Slack channel through Azure Bot Service (channel id <c>slack</c>).</summary>
    SlackChannel,

    /// <summary>Any other group conversation (Web Chat, Emulator group tests).</summary>
    Other,
}

/// <summary>Where a channel's answer feedback goes.</summary>
public enum FeedbackMode
{
    /// <summary>To each author privately (1:1 chat). The default.</summary>
    Private,

    /// <summary>As a reply in the prompt's thread.</summary>
    Public,
}

/// <summary>
/// A shared place the bot is installed in (a Teams channel, group chat or Slack channel): everything
/// needed to post there later, refreshed from every activity since service URLs change.
/// </summary>
/// <param name="PlaceKey"><c>{channelId}:{conversationId}</c>, with a Teams thread suffix (<c>;messageid=…</c>) removed.</param>
/// <param name="ChannelId">The Bot Framework channel id (<c>msteams</c>, <c>slack</c>, …).</param>
/// <param name="ConversationId">The place's own conversation id (no thread suffix).</param>
/// <param name="Kind">The kind of place.</param>
/// <param name="ServiceUrl">The channel's service URL.</param>
/// <param name="TenantId">Teams tenant id, when present.</param>
/// <param name="TeamId">Teams team id, when present.</param>
/// <param name="TeamsChannelId">Teams channel id (<c>19:…@thread.tacv2</c>), when present.</param>
/// <param name="BotId">The bot's account id in this channel (the activity's recipient).</param>
/// <param name="Name">A display name when the channel gives one.</param>
/// <param name="Active">False once the bot was removed or blocked (403); its schedules are paused.</param>
/// <param name="Feedback">Where answer feedback goes.</param>
/// <param name="UpdatedAt">Last refresh.</param>
public sealed record StudyPlace(
    string PlaceKey,
    string ChannelId,
    string ConversationId,
    PlaceKind Kind,
    string ServiceUrl,
    string? TenantId,
    string? TeamId,
    string? TeamsChannelId,
    string BotId,
    string? Name,
    bool Active,
    FeedbackMode Feedback,
    DateTimeOffset UpdatedAt);
