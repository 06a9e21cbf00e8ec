using System.Net;
using CoachBot.Bot.ChannelSending;
using CoachBot.Core.Channels;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;

namespace CoachBot.Bot.Tests.ChannelSending;

/// <summary>The registration, the named pipeline's composition (Polly.Testing) and its retry decisions on fake time.</summary>
public sealed class ChannelSendPipelineTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddCoachBotChannelSending(configuration).BuildServiceProvider();
    }

    private static ResiliencePipeline CreateSut(FakeTimeProvider time, int maxAttempts = 5, double baseDelaySeconds = 0, int maxRetryAfterSeconds = 60) =>
        ChannelSendPipeline.Configure(
            new ResiliencePipelineBuilder(),
            new ChannelSendingOptions
            {
                MaxAttempts = maxAttempts,
                BaseDelay = TimeSpan.FromSeconds(baseDelaySeconds),
                MaxRetryAfter = TimeSpan.FromSeconds(maxRetryAfterSeconds),
            },
            time,
            NullLogger.Instance).Build();

    private static ErrorResponseException Failure(HttpStatusCode status, string? retryAfter = null)
    {
        using var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new ErrorResponseException($"status {(int)status}") { Response = new HttpResponseMessageWrapper(response, string.Empty) };
    }

    private static ValueTask Fail(ref int attempts, Exception exception)
    {
        attempts++;
        return ValueTask.FromException(exception);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(5);
        }
    }

    [Fact]
    public void Pipeline_Defaults_IsOneRetryStrategy_ExponentialWithJitter_FiveAttempts()
    {
        using var services = Services();

        var descriptor = services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(ChannelSendingServiceCollectionExtensions.PipelineName)
            .GetPipelineDescriptor();

        var retry = Assert.IsType<RetryStrategyOptions>(Assert.Single(descriptor.Strategies).Options);
        Assert.Equal("retry", retry.Name);
        Assert.Equal(4, retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.True(retry.UseJitter);
        Assert.NotNull(retry.DelayGenerator);
        Assert.Equal("coachbot-channel-send", ChannelSendingServiceCollectionExtensions.PipelineName);
    }

    [Fact]
    public void Pipeline_ConfiguredValues_FlowIntoTheRetry()
    {
        using var services = Services(("ChannelSending:MaxAttempts", "3"), ("ChannelSending:BaseDelay", "00:00:02"));

        var retry = (RetryStrategyOptions)services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(ChannelSendingServiceCollectionExtensions.PipelineName)
            .GetPipelineDescriptor().Strategies[0].Options!;

        Assert.Equal(2, retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), retry.Delay);
    }

    [Fact]
    public void Pipeline_OneAttempt_HasNoRetry()
    {
        using var services = Services(("ChannelSending:MaxAttempts", "1"));

        Assert.Empty(services.GetRequiredService<ResiliencePipelineProvider<string>>()
            .GetPipeline(ChannelSendingServiceCollectionExtensions.PipelineName)
            .GetPipelineDescriptor().Strategies);
    }

    [Theory]
    [InlineData("ChannelSending:TenantMessagesPerSecond", "51")]
    [InlineData("ChannelSending:TenantMessagesPerSecond", "0")]
    [InlineData("ChannelSending:MaxAttempts", "0")]
    [InlineData("ChannelSending:MaxRetryAfter", "00:00:00")]
    public void Options_OutOfRange_FailValidation(string key, string value)
    {
        using var services = Services((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChannelSendingOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_DefaultOptions_AreTheDocumentedOnes()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<ChannelSendingOptions>>().Value;

        Assert.Equal(30, options.TenantMessagesPerSecond);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Single(new ServiceCollection().AddCoachBotChannelSending(new ConfigurationBuilder().Build()), d => d.ServiceType == typeof(IChannelMessenger));
    }

    [Fact]
    public async Task Throttled_WaitsForRetryAfter_ThenRetries()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var run = CreateSut(time).ExecuteAsync(_ => ++attempts == 1 ? throw Failure(HttpStatusCode.TooManyRequests, "2") : ValueTask.FromResult("sent")).AsTask();

        await WaitUntilAsync(() => attempts == 1);
        time.Advance(TimeSpan.FromMilliseconds(1900));
        await Task.Delay(50);
        Assert.Equal(1, attempts);
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal("sent", await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Throttled_LongerThanMaxRetryAfter_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ErrorResponseException>(() =>
            CreateSut(new FakeTimeProvider(), maxRetryAfterSeconds: 30)
                .ExecuteAsync(_ => Fail(ref attempts, Failure(HttpStatusCode.TooManyRequests, "31"))).AsTask());
        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, 1)]
    [InlineData(HttpStatusCode.NotFound, 1)]
    [InlineData(HttpStatusCode.BadRequest, 1)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 4)]
    [InlineData(HttpStatusCode.BadGateway, 4)]
    [InlineData(HttpStatusCode.PreconditionFailed, 4)]
    public async Task Failures_AreRetriedOnlyWhenTransient_UpToMaxAttempts(HttpStatusCode status, int expectedAttempts)
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ErrorResponseException>(() =>
            CreateSut(new FakeTimeProvider(), maxAttempts: 4)
                .ExecuteAsync(_ => Fail(ref attempts, Failure(status))).AsTask());
        Assert.Equal(expectedAttempts, attempts);
    }

    [Fact]
    public async Task CallersCancellation_IsNotRetried()
    {
        using var cancel = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateSut(new FakeTimeProvider()).ExecuteAsync(
                ct =>
                {
                    attempts++;
                    cancel.Cancel();
                    ct.ThrowIfCancellationRequested();
                    return ValueTask.CompletedTask;
                },
                cancel.Token).AsTask());
        Assert.Equal(1, attempts);
    }
}
