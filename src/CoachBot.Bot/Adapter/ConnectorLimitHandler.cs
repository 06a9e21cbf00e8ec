using System.Text.Json;
using CoachBot.Bot.ChannelSending;

namespace CoachBot.Bot.Adapter;

/// <summary>
/// Puts the messages a turn sends (replies, feedback, deferred feedback) through the platforms' per-conversation
/// limits (<see cref="SendLimiter"/>: Teams 7/s, 60 per 30 s, 1,800 per hour; Slack 1/s per channel), like every
/// study-channel post: each <c>POST …/v3/conversations/{id}/activities[/{replyToId}]</c> on the connector clients'
/// <see cref="HttpClient"/> waits for a permit, each retry attempt too. Thread replies count against their channel
/// (<c>;messageid=</c> is dropped), as the sender counts them. The tenant's rate is left out on purpose: a learner's
/// reply must not queue behind a fan-out to thousands of channels (a 429 there is retried by
/// <see cref="ConnectorRetryHandler"/>). The study-channel sender's own calls (<see cref="SenderOwnedCalls"/>) have
/// waited already and pass through.
/// </summary>
internal sealed class ConnectorLimitHandler(SendLimiter limiter) : DelegatingHandler
{
    private const string ConversationsSegment = "/v3/conversations/";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!SenderOwnedCalls.Active && request.Method == HttpMethod.Post && ConversationOf(request.RequestUri) is { } conversation)
        {
            var channelId = await ChannelIdAsync(request, cancellationToken) ?? "unknown";
            await limiter.WaitAsync(SendKey.ForPlace(channelId, conversation, tenantId: null), cancellationToken, conversationOnly: true);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The conversation of an activity send (<c>…/v3/conversations/{id}/activities[/{replyToId}]</c>), else null.</summary>
    internal static string? ConversationOf(Uri? uri)
    {
        var path = uri?.AbsolutePath;
        var start = path?.IndexOf(ConversationsSegment, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var rest = path![(start + ConversationsSegment.Length)..].Split('/');
        if (rest.Length is < 2 or > 3 || rest[1] != "activities" || rest[0].Length == 0)
        {
            return null;
        }

        var conversation = Uri.UnescapeDataString(rest[0]);
        var thread = conversation.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversation : conversation[..thread];
    }

    /// <summary>The activity's <c>channelId</c> (<c>msteams</c>, <c>slack</c>, …) from the JSON body, which stays readable.</summary>
    private static async Task<string?> ChannelIdAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null or StreamContent)
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("channelId", out var channel) && channel.ValueKind == JsonValueKind.String
                ? channel.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
