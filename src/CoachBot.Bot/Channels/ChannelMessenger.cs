using CoachBot.Bot.Diagnostics;
using CoachBot.Bot.Rendering;
using CoachBot.Core.Channels;
using CoachBot.Core.Messages;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;

namespace CoachBot.Bot.ChannelSending;

/// <summary>
/// The one outbound sender for study places. Every request waits for a rate-limit permit
/// (<see cref="SendLimiter"/>) and runs in the <see cref="ChannelSendPipeline.Name"/> retry pipeline. Platform
/// failures never throw: 403/404 end <see cref="SendOutcome.Blocked"/>, anything else
/// <see cref="SendOutcome.Failed"/>; cancellation of the caller's token propagates as <see cref="OperationCanceledException"/>
/// whatever the connector threw, so a send cut short by shutdown is never recorded as failed. Each send is a
/// <c>coachbot.send</c> span; 429 answers count in <c>coachbot.sends.throttled</c> (<see cref="SendTelemetry"/>). A
/// send's <see cref="SendGate"/> is asked after the first rate-limit permit, right before the first request: a "no"
/// sends nothing (<see cref="SendOutcome.Withheld"/>); retries of a send that got through are not asked again, and its
/// requests are not cancelled by the caller (a graceful shutdown lets them finish; a wait between retries still ends).
/// <para>
/// Thread ids returned by <see cref="PostAsync"/>: on Teams channels the new thread's conversation id
/// (<c>19:…@thread.tacv2;messageid=…</c>), which is exactly the conversation id replies in that thread arrive on.
/// Everywhere else (group chats, Slack, others) the place's conversation id; <see cref="SendResult.ActivityId"/> is
/// the platform's id of the posted message (on Slack through Azure Bot Service, the message's <c>ts</c>). The runner
/// keeps it as <see cref="DailyPrompt.PostId"/>; a Slack reply in that message's thread carries it as
/// <c>thread_ts</c> (<see cref="ChannelTurn.ThreadKey"/>).
/// </para>
/// </summary>
internal sealed class ChannelMessenger(
    ProactiveConnector connector,
    ChannelRenderers renderers,
    SendLimiter limiter,
    SendTelemetry telemetry,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    ILogger<ChannelMessenger> logger) : IChannelMessenger
{
    private static readonly SendResult Withheld = new(SendOutcome.Withheld, null, null, "withheld by its gate");
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(ChannelSendPipeline.Name);

    /// <inheritdoc />
    public Task<SendResult> PostAsync(StudyPlace place, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(message);
        var key = SendKey.ForPlace(place.ChannelId, place.ConversationId, place.TenantId);
        if (place.Kind == PlaceKind.TeamsChannel)
        {
            return SendAsync(place, "post", key, gate, async ct =>
            {
                var created = await connector.CallAsync(place, place.ConversationId, (client, token) =>
                    client.Conversations.CreateConversationAsync(NewThread(place, message), token), ct);
                return SendResult.Ok(created.Id, created.ActivityId);
            }, cancellationToken);
        }

        return SendAsync(place, "post", key, gate, ct => SendToAsync(place, place.ConversationId, message, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SendResult> ReplyInThreadAsync(StudyPlace place, string threadId, CoachMessage message, SendGate? gate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        ArgumentNullException.ThrowIfNull(message);

        // Counted against the place: a thread is part of its channel's conversation.
        var key = SendKey.ForPlace(place.ChannelId, place.ConversationId, place.TenantId);
        return SendAsync(place, "reply", key, gate, ct => SendToAsync(place, threadId, message, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SendResult> SendPrivateAsync(
        StudyPlace place, string userId, string? userName, CoachMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(message);
        var key = SendKey.ForPlace(place.ChannelId, "user:" + userId, place.TenantId);

        // Creating the 1:1 conversation returns the existing one when there is one (Teams, Slack via Azure Bot Service).
        var created = await SendAsync(place, "private-open", key, null, async ct =>
        {
            var conversation = await connector.CallAsync(place, place.ConversationId, (client, token) =>
                client.Conversations.CreateConversationAsync(OneToOne(place, userId, userName), token), ct);
            return SendResult.Ok(conversation.Id, null);
        }, cancellationToken);
        if (created.Outcome != SendOutcome.Sent || created.ThreadId is not { } conversationId)
        {
            return created with { ThreadId = null };
        }

        return await SendAsync(place, "private", key, null, ct => SendToAsync(place, conversationId, message, ct), cancellationToken);
    }

    private async Task<SendResult> SendAsync(
        StudyPlace place, string operation, SendKey key, SendGate? gate, Func<CancellationToken, Task<SendResult>> attempt, CancellationToken cancellationToken)
    {
        var platform = ChannelTag.For(place.ChannelId);
        using var span = SendTelemetry.StartSpan(platform, operation);
        var attempts = 0;
        var passed = gate is null;
        try
        {
            var result = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    await limiter.WaitAsync(key, ct);
                    if (!passed)
                    {
                        if (!await gate!(ct))
                        {
                            return Withheld;
                        }

                        passed = true;
                    }

                    attempts++;
                    try
                    {
                        // A gated send that got through finishes its request even when shutdown cancels the caller:
                        // cut short, nobody could tell whether it landed, and it would never be sent again.
                        return await attempt(gate is null ? ct : CancellationToken.None);
                    }
                    catch (Exception ex) when (IsThrottled(ex))
                    {
                        telemetry.Throttled(platform);
                        throw;
                    }
                },
                cancellationToken);
            if (result.Outcome == SendOutcome.Withheld)
            {
                SendTelemetry.Ended(span, "withheld", attempts);
                return result;
            }

            SendTelemetry.Ended(span, "sent", attempts);
            ChannelSendingLog.Sent(logger, operation, place.ChannelId);
            return result;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown (or the caller) gave up: neither sent nor failed. Whatever the connector threw on its way out,
            // the caller sees a cancellation and leaves its delivery pending for recovery.
            SendTelemetry.Ended(span, "cancelled", attempts);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("The send was cancelled.", ex, cancellationToken);
        }
#pragma warning disable CA1031 // platform failures become outcomes: the scheduler must go on with the other places
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failure = SendFailures.Classify(ex, time, cancellationToken);
            if (failure.Kind == SendFailureKind.Blocked)
            {
                SendTelemetry.Ended(span, "blocked", attempts);
                ChannelSendingLog.Blocked(logger, operation, place.ChannelId, failure.Reason);
                return new SendResult(SendOutcome.Blocked, null, null, failure.Reason);
            }

            SendTelemetry.Ended(span, "failed", attempts);
            ChannelSendingLog.Failed(logger, operation, place.ChannelId, failure.Reason, ex);
            return new SendResult(SendOutcome.Failed, null, null, failure.Reason);
        }
    }

    private bool IsThrottled(Exception exception) => SendFailures.Classify(exception, time).Kind == SendFailureKind.Throttled;

    private Task<SendResult> SendToAsync(StudyPlace place, string conversationId, CoachMessage message, CancellationToken cancellationToken) =>
        connector.CallAsync(place, conversationId, async (client, token) =>
        {
            // Rendered per attempt: the connector call fills ids into the activity it is given.
            var activity = renderers.For(place.ChannelId).Render(message);
            activity.ChannelId = place.ChannelId;
            activity.ServiceUrl = place.ServiceUrl;
            activity.From = new ChannelAccount(place.BotId);
            activity.Conversation = new ConversationAccount(id: conversationId, tenantId: place.TenantId);
            var sent = await client.Conversations.SendToConversationAsync(activity, token);
            return SendResult.Ok(conversationId, string.IsNullOrEmpty(sent?.Id) ? null : sent.Id);
        }, cancellationToken);

    private ConversationParameters NewThread(StudyPlace place, CoachMessage message) => new()
    {
        IsGroup = true,
        Bot = new ChannelAccount(place.BotId),
        TenantId = place.TenantId,
        ChannelData = new TeamsChannelData
        {
            // A Teams channel's own conversation id is its channel id.
            Channel = new ChannelInfo(place.TeamsChannelId ?? place.ConversationId),
            Team = place.TeamId is null ? null : new TeamInfo(place.TeamId),
            Tenant = place.TenantId is null ? null : new TenantInfo(place.TenantId),
        },
        Activity = renderers.For(place.ChannelId).Render(message),
    };

    private static ConversationParameters OneToOne(StudyPlace place, string userId, string? userName) => new()
    {
        IsGroup = false,
        Bot = new ChannelAccount(place.BotId),
        Members = [new ChannelAccount(userId, userName)],
        TenantId = place.TenantId,
        ChannelData = place.TenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo(place.TenantId) },
    };
}
