using CoachBot.Core.Channels;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Tests.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>The runner on the real SQLite store: exactly once per occurrence, holidays, grace period, blocked places, recovery.</summary>
public sealed class DailyPromptRunnerTests : IAsyncLifetime
{
    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IStudyChannelStore Store => _services.Provider.GetRequiredService<IStudyChannelStore>();

    private DailyPromptRunner CreateSut() => _services.Provider.GetRequiredService<DailyPromptRunner>();

    private async Task<DailySchedule> SubscribeAsync(string placeKey, params DateOnly[] skips)
    {
        await Store.UpsertPlaceAsync(new StudyPlace(placeKey, "msteams", placeKey[8..], PlaceKind.TeamsChannel, "https://smba.example/", "t", "team", placeKey[8..],
            "28:bot", "study", true, FeedbackMode.Private, DateTimeOffset.UtcNow), reactivate: true);
        var schedule = new DailySchedule(Guid.NewGuid(), placeKey, new TimeOnly(9, 0), "Europe/Berlin", Core.Channels.Scheduling.ScheduleDays.EveryDay,
            "amazon-customer-trust", skips, true, "msteams:29:admin", DateTimeOffset.UtcNow);
        await Store.SaveScheduleAsync(schedule);
        await _services.Scheduler.ScheduleDailyAsync(schedule);
        return schedule;
    }

    [Fact]
    public async Task RunDailyAsync_SameOccurrenceFiredTwice_PostsOnce()
    {
        var schedule = await SubscribeAsync("msteams:19:a@thread.tacv2");
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-1);

        await CreateSut().RunDailyAsync(schedule.Id, occurrence);
        await CreateSut().RunDailyAsync(schedule.Id, occurrence);

        Assert.Single(_services.Messenger.Sent);
        var delivery = await Store.GetDeliveryAsync(DailyPromptRunner.DeliveryKey("daily", schedule.Id, occurrence, schedule.PlaceKey));
        Assert.Equal(DeliveryState.Sent, delivery!.State);
        var recap = $"recap:{Assert.Single(await Store.GetPromptsAsync(schedule.PlaceKey)).Id:N}";
        Assert.Contains(recap, _services.Scheduler.Once.Keys);
        Assert.Contains(recap, _services.Scheduler.RunLate.Keys); // a recap is posted late rather than lost
    }

    [Fact]
    public async Task RunDailyAsync_TwoOccurrences_RotateWithoutRepeating()
    {
        var schedule = await SubscribeAsync("msteams:19:b@thread.tacv2");

        await CreateSut().RunDailyAsync(schedule.Id, DateTimeOffset.UtcNow.AddMinutes(-2));
        await CreateSut().RunDailyAsync(schedule.Id, DateTimeOffset.UtcNow.AddMinutes(-1));

        var prompts = await Store.GetPromptsAsync(schedule.PlaceKey);
        Assert.Equal(2, prompts.Select(p => p.QuestionId).Distinct().Count());
    }

    [Fact]
    public async Task RunDailyAsync_HolidayOrBeyondGrace_SkippedAndRecorded()
    {
        var berlinToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var holiday = await SubscribeAsync("msteams:19:c@thread.tacv2", berlinToday);
        var late = await SubscribeAsync("msteams:19:d@thread.tacv2");
        var now = DateTimeOffset.UtcNow;

        await CreateSut().RunDailyAsync(holiday.Id, now);
        await CreateSut().RunDailyAsync(late.Id, now.AddHours(-3));

        Assert.Empty(_services.Messenger.Sent);
        Assert.Equal(DeliveryState.Skipped, (await Store.GetDeliveryAsync(DailyPromptRunner.DeliveryKey("daily", holiday.Id, now, holiday.PlaceKey)))!.State);
        Assert.Equal(DeliveryState.Skipped, (await Store.GetDeliveryAsync(DailyPromptRunner.DeliveryKey("daily", late.Id, now.AddHours(-3), late.PlaceKey)))!.State);
    }

    [Fact]
    public async Task RunDailyAsync_PlaceBlocksTheBot_PlaceInactiveSchedulesPausedNoRetry()
    {
        var schedule = await SubscribeAsync("msteams:19:e@thread.tacv2");
        _services.Messenger.NextOutcome = SendOutcome.Blocked;

        await CreateSut().RunDailyAsync(schedule.Id, DateTimeOffset.UtcNow);

        Assert.False((await Store.GetPlaceAsync(schedule.PlaceKey))!.Active);
        Assert.False((await Store.GetScheduleAsync(schedule.Id))!.Active);
        Assert.Empty(_services.Scheduler.Daily);
        _services.Messenger.NextOutcome = SendOutcome.Sent;
        await CreateSut().RunDailyAsync(schedule.Id, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty(_services.Messenger.Sent);
    }

    [Fact]
    public async Task RecoverPendingAsync_RecordedButNeverSent_SentOnceAfterRestart()
    {
        var schedule = await SubscribeAsync("msteams:19:f@thread.tacv2");
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-5);
        var key = DailyPromptRunner.DeliveryKey("daily", schedule.Id, occurrence, schedule.PlaceKey);
        await Store.TryRecordDeliveryAsync(new Delivery(key, "daily", schedule.PlaceKey, occurrence, DeliveryState.Pending, 0, null, null, occurrence)); // the crash happened here

        await _services.RestartAsync();
        var recovered = await CreateSut().RecoverPendingAsync();
        await CreateSut().RecoverPendingAsync();
        await CreateSut().RunDailyAsync(schedule.Id, occurrence); // Quartz firing late as well changes nothing

        Assert.Equal(1, recovered);
        Assert.Single(_services.Messenger.Sent);
        Assert.Equal(DeliveryState.Sent, (await Store.GetDeliveryAsync(key))!.State);
    }

    [Fact]
    public async Task RecoverPendingAsync_DeliveryOfALiveInstance_LeftToIt()
    {
        var schedule = await SubscribeAsync("msteams:19:g@thread.tacv2");
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-5);
        var key = DailyPromptRunner.DeliveryKey("daily", schedule.Id, occurrence, schedule.PlaceKey);
        var me = await _services.Provider.GetRequiredService<IDeliveryOwners>().GetCurrentAsync();
        await Store.TryRecordDeliveryAsync(new Delivery(key, "daily", schedule.PlaceKey, occurrence, DeliveryState.Pending, 0, null, null, occurrence, me)); // being sent right now

        var recovered = await CreateSut().RecoverPendingAsync();

        Assert.Equal(0, recovered);
        Assert.Empty(_services.Messenger.Sent);
        Assert.Equal(DeliveryState.Pending, (await Store.GetDeliveryAsync(key))!.State);
    }

    [Fact]
    public async Task RecoverPendingAsync_PreviousRunDiedWhileSending_NotSentAgain()
    {
        var schedule = await SubscribeAsync("msteams:19:h@thread.tacv2");
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-5);
        var key = DailyPromptRunner.DeliveryKey("daily", schedule.Id, occurrence, schedule.PlaceKey);
        await Store.TryRecordDeliveryAsync(new Delivery(key, "daily", schedule.PlaceKey, occurrence, DeliveryState.Sending, 1, null, null, occurrence, "previous-run"));

        await _services.RestartAsync();
        var recovered = await CreateSut().RecoverPendingAsync();

        Assert.Equal(1, recovered);
        Assert.Empty(_services.Messenger.Sent);
        var delivery = await Store.GetDeliveryAsync(key);
        Assert.Equal((DeliveryState.Failed, DeliveryLedger.OutcomeUnknown), (delivery!.State, delivery.LastError));
    }

    [Fact]
    public async Task RunDailyAsync_SentBlockedAndHoliday_EachCountedOnceByKindAndOutcome()
    {
        using var metrics = new MetricCapture(_services.Provider.GetRequiredService<CoachBotMeter>().Meter);
        var berlinToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var sent = await SubscribeAsync("msteams:19:g@thread.tacv2");
        var blocked = await SubscribeAsync("msteams:19:h@thread.tacv2");
        var holiday = await SubscribeAsync("msteams:19:i@thread.tacv2", berlinToday);
        var now = DateTimeOffset.UtcNow;

        await CreateSut().RunDailyAsync(sent.Id, now);
        await CreateSut().RunDailyAsync(sent.Id, now); // the same occurrence again: nothing new to count
        _services.Messenger.NextOutcome = SendOutcome.Blocked;
        await CreateSut().RunDailyAsync(blocked.Id, now);
        await CreateSut().RunDailyAsync(holiday.Id, now);

        Assert.Equal(1, metrics.Sum("coachbot.deliveries", ("kind", "daily"), ("outcome", "sent")));
        Assert.Equal(1, metrics.Sum("coachbot.deliveries", ("kind", "daily"), ("outcome", "blocked")));
        Assert.Equal(1, metrics.Sum("coachbot.deliveries", ("kind", "daily"), ("outcome", "skipped")));
        Assert.Equal(3, metrics.Sum("coachbot.deliveries"));
    }

    [Fact]
    public async Task RunDailyAsync_SendCancelledByShutdown_DeliveryStaysPending_AndTheNextStartSendsIt()
    {
        using var metrics = new MetricCapture(_services.Provider.GetRequiredService<CoachBotMeter>().Meter);
        var schedule = await SubscribeAsync("msteams:19:j@thread.tacv2");
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-1);
        var key = DailyPromptRunner.DeliveryKey("daily", schedule.Id, occurrence, schedule.PlaceKey);
        _services.Messenger.HangUntilCancelled = true;
        using var shutdown = new CancellationTokenSource();

        var run = CreateSut().RunDailyAsync(schedule.Id, occurrence, shutdown.Token);
        await _services.Messenger.Hanging.WaitAsync(TimeSpan.FromSeconds(10));
        await shutdown.CancelAsync(); // the host's shutdown timeout ran out with the post in flight

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var pending = await Store.GetDeliveryAsync(key);
        Assert.Equal(DeliveryState.Pending, pending!.State);
        Assert.Null(pending.LastError);
        Assert.Empty(metrics.Of("coachbot.deliveries"));

        _services.Messenger.HangUntilCancelled = false;
        await _services.RestartAsync();
        Assert.Equal(1, await CreateSut().RecoverPendingAsync());
        Assert.Single(_services.Messenger.Sent);
        Assert.Equal(DeliveryState.Sent, (await Store.GetDeliveryAsync(key))!.State);
    }
}
