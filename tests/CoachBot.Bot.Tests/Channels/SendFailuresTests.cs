using System.Net;
using CoachBot.Bot.ChannelSending;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;

namespace CoachBot.Bot.Tests.ChannelSending;

/// <summary>What the real connector client throws for each answer, and how the sender reads it.</summary>
public sealed class SendFailuresTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Sends one activity through a real <see cref="ConnectorClient"/> to a handler answering <paramref name="answer"/>.</summary>
    private static async Task<Exception> ConnectorFailureAsync(HttpResponseMessage answer)
    {
        using var http = new HttpClient(new Answering(answer));
        using var client = new ConnectorClient(new Uri("http://connector.invalid/"), MicrosoftAppCredentials.Empty, http, disposeHttpClient: false);
        var activity = new Activity(ActivityTypes.Message, text: "hi") { Conversation = new ConversationAccount(id: "19:x@thread.tacv2") };
        return await Assert.ThrowsAnyAsync<Exception>(() => client.Conversations.SendToConversationAsync(activity));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? code = null) => new(status)
    {
        Content = new StringContent(code is null ? "{}" : "{\"error\":{\"code\":\"" + code + "\",\"message\":\"no\"}}", System.Text.Encoding.UTF8, "application/json"),
    };

    [Fact]
    public async Task Connector429_IsAnErrorResponseException_ReadAsThrottledWithRetryAfterSeconds()
    {
        var answer = Answer(HttpStatusCode.TooManyRequests);
        answer.Headers.TryAddWithoutValidation("Retry-After", "3");

        var exception = await ConnectorFailureAsync(answer);
        var failure = SendFailures.Classify(exception, Time);

        Assert.IsType<ErrorResponseException>(exception);
        Assert.Equal(SendFailureKind.Throttled, failure.Kind);
        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), failure.RetryAfter);
        Assert.True(failure.IsRetriable);
    }

    [Fact]
    public async Task Connector429_RetryAfterAsHttpDate_IsTheDelayFromNow()
    {
        var answer = Answer(HttpStatusCode.TooManyRequests);
        answer.Headers.TryAddWithoutValidation("Retry-After", Time.GetUtcNow().AddSeconds(20).ToString("r"));

        var failure = SendFailures.Classify(await ConnectorFailureAsync(answer), Time);

        Assert.Equal(TimeSpan.FromSeconds(20), failure.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task ConnectorServerErrors_AreTransient(HttpStatusCode status)
    {
        var failure = SendFailures.Classify(await ConnectorFailureAsync(Answer(status)), Time);

        Assert.Equal(SendFailureKind.Transient, failure.Kind);
        Assert.Null(failure.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "MessageWritesBlocked", "403 MessageWritesBlocked")]
    [InlineData(HttpStatusCode.Forbidden, "ConversationBlockedByUser", "403 ConversationBlockedByUser")]
    [InlineData(HttpStatusCode.NotFound, null, "404")]
    public async Task ConnectorForbiddenOrNotFound_IsBlocked_WithTheChannelsCode(HttpStatusCode status, string? code, string reason)
    {
        var failure = SendFailures.Classify(await ConnectorFailureAsync(Answer(status, code)), Time);

        Assert.Equal(SendFailureKind.Blocked, failure.Kind);
        Assert.Equal(reason, failure.Reason);
        Assert.False(failure.IsRetriable);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task ConnectorOtherErrors_ArePermanent(HttpStatusCode status)
    {
        var failure = SendFailures.Classify(await ConnectorFailureAsync(Answer(status)), Time);

        Assert.Equal(SendFailureKind.Permanent, failure.Kind);
        Assert.False(failure.IsRetriable);
    }

    [Fact]
    public void HttpOperationException_IsReadLikeTheConnectorsException()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var exception = new HttpOperationException("503") { Response = new HttpResponseMessageWrapper(response, string.Empty) };

        Assert.Equal(SendFailureKind.Transient, SendFailures.Classify(exception, Time).Kind);
    }

    [Fact]
    public void NetworkErrorsAndClientTimeouts_AreTransient_ButTheCallersCancellationIsNot()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(SendFailureKind.Transient, SendFailures.Classify(new HttpRequestException("refused"), Time).Kind);
        Assert.Equal(SendFailureKind.Transient, SendFailures.Classify(new TaskCanceledException("timeout"), Time).Kind);
        Assert.Equal(SendFailureKind.Permanent, SendFailures.Classify(new TaskCanceledException("cancelled"), Time, cancelled.Token).Kind);
    }

    private sealed class Answering(HttpResponseMessage answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer);
    }
}
