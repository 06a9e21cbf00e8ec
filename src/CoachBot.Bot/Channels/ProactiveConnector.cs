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
/// authenticated <see cref="IConnectorClient"/> for the place's service URL (and later tokens, caches, middleware).
/// <para>
/// Why not <c>CloudAdapter.CreateConversationAsync</c> / <c>ContinueConversationAsync(botAppId, …)</c>: both build the
/// turn's identity from the app id and throw for an empty one, which is the SDK's own anonymous mode (Emulator,
/// local tests). The identity is built here instead (audience and app id claims = <c>MicrosoftAppId</c>, empty when
/// anonymous), and the create-conversation call is made on the turn's connector, as the adapter would.
/// </para>
/// <para>
/// Exceptions of the call are carried out of the turn: inside it the adapter would hand them to
/// <c>OnTurnError</c> (log as a failed turn, swallow), and the sender's retry policy must see them.
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
