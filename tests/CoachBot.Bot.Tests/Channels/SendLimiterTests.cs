using System.Diagnostics;
using CoachBot.Bot.ChannelSending;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Tests.ChannelSending;

/// <summary>
/// The platform limits on real time (the BCL limiters take no TimeProvider), on a clock ten times faster than the
/// platforms' so that "a second" is 100 ms: the suite stays short. Only lower bounds are asserted for waits: the
/// windows replenish on thread-pool timers, which run late on a loaded machine (slower, never faster). That a send
/// did not wait is never timed either (a loaded machine can take any time): a permit that is free is granted on the
/// spot, so the send's task has completed by the time <see cref="SendLimiter.WaitAsync"/> returns, and one that has to
/// wait for a window cannot have.
/// </summary>
public sealed class SendLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromMilliseconds(100);

    private static SendLimiter CreateSut(int tenantMessagesPerSecond = 30, double scale = 0.1) => new(
        Options.Create(new ChannelSendingOptions { TenantMessagesPerSecond = tenantMessagesPerSecond }),
        PlatformLimits.Documented.Scaled(scale));

    private static SendKey Teams(string conversation, string tenant = "tenant-1") => SendKey.ForPlace("msteams", conversation, tenant);

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    private static Task SendAsync(SendLimiter sut, SendKey key, int count) => Task.WhenAll(Start(sut, key, count));

    /// <summary>Starts <paramref name="count"/> sends for <paramref name="key"/> at once, without awaiting them.</summary>
    private static Task[] Start(SendLimiter sut, SendKey key, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => sut.WaitAsync(key, CancellationToken.None).AsTask())];

    /// <summary>Asserts that every one of <paramref name="sends"/> got its permit on the spot, without waiting, and awaits them.</summary>
    private static async Task AssertGrantedAtOnceAsync(string what, params Task[] sends)
    {
        Assert.True(sends.All(s => s.IsCompletedSuccessfully), $"{what}: {sends.Count(s => !s.IsCompleted)} of {sends.Length} had to wait");
        await Task.WhenAll(sends);
    }

    [Fact]
    public void DocumentedLimits_AreTeamsAndSlacksPublishedOnes()
    {
        var limits = PlatformLimits.Documented;

        Assert.Equal(
            [(1800, TimeSpan.FromHours(1)), (60, TimeSpan.FromSeconds(30)), (7, TimeSpan.FromSeconds(1))],
            limits.Teams.Select(w => (w.Permits, w.Period)));
        Assert.Equal((1, TimeSpan.FromSeconds(1)), (limits.Slack.Permits, limits.Slack.Period));
        Assert.Equal(TimeSpan.FromSeconds(1), limits.TenantPeriod);
    }

    [Fact]
    public async Task SevenSendsToOneTeamsConversation_GoAtOnce_TheEighthWaitsASecond()
    {
        using var sut = CreateSut();
        var key = Teams("19:a@thread.tacv2");

        var eight = await TimeAsync(async () =>
        {
            await AssertGrantedAtOnceAsync("seven sends", Start(sut, key, 7));
            await SendAsync(sut, key, 1);
        });

        Assert.True(eight >= Second, $"eight sends took {eight.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SixtyOneSendsToOneTeamsConversation_TheLastWaitsForTheThirtySecondWindow()
    {
        using var sut = CreateSut(scale: 0.02); // a "second" of 20 ms here: 30 "seconds" are 600 ms
        var second = TimeSpan.FromMilliseconds(20);
        var key = Teams("19:busy@thread.tacv2");

        var sixty = await TimeAsync(() => SendAsync(sut, key, 60)); // 7 per "second": at least 8 "seconds"
        var sixtyFirst = await TimeAsync(() => SendAsync(sut, key, 1));

        Assert.True(sixty >= second * 8, $"sixty sends took {sixty.TotalMilliseconds} ms");
        Assert.True(sixty + sixtyFirst >= second * 30, $"sixty-one sends took {(sixty + sixtyFirst).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task DifferentConversations_DoNotWaitOnEachOther()
    {
        using var sut = CreateSut();

        await AssertGrantedAtOnceAsync(
            "21 sends to three conversations",
            [.. Start(sut, Teams("19:a@thread.tacv2"), 7), .. Start(sut, Teams("19:b@thread.tacv2"), 7), .. Start(sut, Teams("a:1on1"), 7)]);
    }

    [Fact]
    public async Task TenantRate_CountsAllConversationsOfTheTenant_AndOnlyThem()
    {
        using var sut = CreateSut(tenantMessagesPerSecond: 5);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => SendAsync(sut, Teams($"19:c{i}@thread.tacv2"), 1)));

        var sixth = await TimeAsync(async () =>
        {
            await AssertGrantedAtOnceAsync("another tenant's send", Start(sut, Teams("19:c0@thread.tacv2", "tenant-2"), 1));
            await SendAsync(sut, Teams("19:c5@thread.tacv2"), 1);
        });

        Assert.True(sixth >= Second * 0.9, $"the tenant's sixth send in a second waited only {sixth.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Slack_OneSendPerSecondPerChannel()
    {
        using var sut = CreateSut();
        var channel = SendKey.ForPlace("slack", "B1:T1:C1", null);

        var second = await TimeAsync(async () =>
        {
            await AssertGrantedAtOnceAsync("first sends to two channels", [.. Start(sut, channel, 1), .. Start(sut, SendKey.ForPlace("slack", "B1:T1:C2", null), 1)]);
            await SendAsync(sut, channel, 1);
        });

        Assert.True(second >= Second, $"the channel's second send came after only {second.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Waiting_EndsWithTheCallersToken_AndFreesNothingForLater()
    {
        // Slack's real second: the next permit is still far off when the wait is cancelled, however slow the machine
        // (a timer-driven cancel after a fraction of a 100 ms "second" could lose the race on a loaded one).
        using var sut = CreateSut(scale: 1);
        var channel = SendKey.ForPlace("slack", "B1:T1:C9", null);
        await SendAsync(sut, channel, 1);
        using var cancel = new CancellationTokenSource();

        var waiting = sut.WaitAsync(channel, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await SendAsync(sut, channel, 1); // the queue still works after a cancelled waiter
    }

    [Theory]
    [InlineData("msteams", "19:x@thread.tacv2", "t1", "msteams:19:x@thread.tacv2", "msteams:t1", false)]
    [InlineData("slack", "B1:T1:C1", null, "slack:B1:T1:C1", "slack:-", true)]
    [InlineData("SLACK", "B1:T1:C1", null, "SLACK:B1:T1:C1", "SLACK:-", true)]
    public void SendKey_ForPlace_PartitionsByConversationAndTenant(string channelId, string conversation, string? tenant, string conversationKey, string tenantKey, bool slack) =>
        Assert.Equal(new SendKey(conversationKey, tenantKey, slack), SendKey.ForPlace(channelId, conversation, tenant));
}
