using System.Runtime.ExceptionServices;
using System.Security.Claims;
using CoachBot.Bot.Adapter;
using CoachBot.Core.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.ChannelSending;

/// <summary>
/// Runs one connector call for a place inside a proactive turn of the bot's adapter, which supplies the
/// authenticated <see cref="IConnectorClient"/> for the place's service URL (credentials, token cache, audience).
/// The turn's identity carries <c>MicrosoftAppId</c> as app id and audience (empty in the SDK's anonymous mode).
/// <para>
/// Why the calls are made on the turn's connector rather than through <c>CloudAdapter.CreateConversationAsync</c>
/// and <c>turnContext.SendActivityAsync</c> (both checked against SDK 4.23.1 and the loopback connector):
/// the adapter's create hands its callback an activity whose id is a random GUID when the platform returned no
/// activity id, so "the platform's id, if any" could not be told apart; and a send in a continued conversation
/// goes out as a reply to the continuation event's random id (<c>replyToId</c>). Calling
/// <c>Conversations.CreateConversationAsync</c> / <c>SendToConversationAsync</c> directly returns exactly what the
/// platform answered and posts plain messages.
/// </para>
/// <para>
/// Exceptions of the call are carried out of the turn: inside it the adapter hands them to <c>OnTurnError</c>
/// (logged as a failed turn and swallowed: <c>ContinueConversationAsync</c> then returns normally), and the
/// sender's retry policy must see them.
/// </para>
/// </summary>
internal sealed class ProactiveConnector(CoachBotAdapter adapter, IOptions<BotAuthenticationOptions> auth)
{
    private readonly string _appId = auth.Value.MicrosoftAppId?.Trim() ?? string.Empty;

    public async Task<T> CallAsync<T>(
        StudyPlace place, string conversationId, Func<IConnectorClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var reference = new ConversationReference
        {
            ChannelId = place.ChannelId,
            ServiceUrl = place.ServiceUrl,
            Conversation = new ConversationAccount(id: conversationId, tenantId: place.TenantId),
            Bot = new ChannelAccount(place.BotId),
        };
        var identity = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, _appId),
            new Claim(AuthenticationConstants.AppIdClaim, _appId),
        ]);

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var senderOwned = SenderOwnedCalls.Begin(); // limits and retries are the sender's, not the HttpClient's
        await adapter.ContinueConversationAsync(
            identity,
            reference,
            async (turn, token) =>
            {
                try
                {
                    result = await call(turn.TurnState.Get<IConnectorClient>(), token);
                }
#pragma warning disable CA1031 // not swallowed: rethrown below, outside the turn
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            cancellationToken);
        failure?.Throw();
        return result;
    }
}
