using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;
using CoachBot.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = CoachBot.Infrastructure.Scheduling.SchedulingOptions;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>The scheduler on a real database (SQLite, or PostgreSQL with COACHBOT_TEST_STORAGE=postgres), in a real host (storage migrator + Quartz hosted service).</summary>
public sealed class QuartzStudySchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Start_CreatesQuartzTablesBesideTheMigratedTables()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database);

        var tables = (await _database.TablesAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Contains("__EFMigrationsHistory", tables);
        Assert.Contains("QRTZ_TRIGGERS", tables);
        Assert.Contains("QRTZ_CRON_TRIGGERS", tables);
        Assert.Contains("QRTZ_JOB_DETAILS", tables);
        Assert.Contains("QRTZ_CALENDARS", tables);
    }

    [Fact]
    public async Task DailyTrigger_WithASkipDate_SurvivesARestart()
    {
        var before = DateTimeOffset.UtcNow;
        var schedule = QuartzFireTimesTests.Schedule("Europe/Berlin", 9, 0);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);
        var first = DailyOccurrences.Next(schedule, before)!.Value;
        schedule = schedule with { SkipDates = [DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, zone).DateTime)] };
        var expected = DailyOccurrences.Next(schedule, before);

        await using (var host = await SchedulingTestHost.StartAsync(_database))
        {
            await host.Scheduler.ScheduleDailyAsync(schedule);
            Assert.Equal(expected, await host.Scheduler.GetNextFireTimeAsync(schedule.Id));
        }

        await using var restarted = await SchedulingTestHost.StartAsync(_database);

        Assert.NotEqual(first, expected);
        Assert.Equal(expected, await restarted.Scheduler.GetNextFireTimeAsync(schedule.Id));
    }

    [Fact]
    public async Task ScheduleDaily_Again_ReplacesTheTrigger_AndUnscheduleRemovesItAndItsCalendar()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database);
        var schedule = QuartzFireTimesTests.Schedule("America/New_York", 9, 0) with { SkipDates = [new DateOnly(2099, 1, 1)] };
        await host.Scheduler.ScheduleDailyAsync(schedule);

        var moved = schedule with { LocalTime = new TimeOnly(17, 15), Days = [DayOfWeek.Saturday] };
        var before = DateTimeOffset.UtcNow;
        await host.Scheduler.ScheduleDailyAsync(moved);

        Assert.Equal(DailyOccurrences.Next(moved, before), await host.Scheduler.GetNextFireTimeAsync(schedule.Id));
        var quartz = await host.QuartzAsync();
        Assert.Single(await quartz.GetTriggersOfJob(StudyTriggers.DailyJobKey(schedule.Id)));

        await host.Scheduler.UnscheduleDailyAsync(schedule.Id);
        await host.Scheduler.UnscheduleDailyAsync(schedule.Id);

        Assert.Null(await host.Scheduler.GetNextFireTimeAsync(schedule.Id));
        Assert.DoesNotContain(StudyTriggers.CalendarName(schedule.Id), await quartz.GetCalendarNames());
    }

    [Fact]
    public async Task OnceTimer_ReplacedByOneDueInASecond_FiresOnceWithItsScheduledTime()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database);
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddSeconds(1);
        await host.Scheduler.ScheduleOnceAsync("recap", "prompt-1", due.AddHours(1));

        await host.Scheduler.ScheduleOnceAsync("recap", "prompt-1", due);
        var fired = await host.Jobs.WaitForAsync("recap", "prompt-1").WaitAsync(Patience);

        Assert.Equal(due, fired);
        Assert.True(DateTimeOffset.UtcNow >= due);
        Assert.Single(host.Jobs.Runs);
        Assert.True(await EventuallyAsync(async () => await (await host.QuartzAsync()).GetTrigger(StudyTriggers.OnceTriggerKey("recap", "prompt-1")) is null));
    }

    [Fact]
    public async Task MissedTimers_WithinTheGracePeriodFireLate_BeyondItAreSkippedAndLogged()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database, new Dictionary<string, string?> { ["Scheduling:MissedGracePeriod"] = "00:00:03" });
        var now = DateTimeOffset.UtcNow;
        var late = now.AddSeconds(-1);
        var missed = now.AddMinutes(-5);

        await host.Scheduler.ScheduleOnceAsync("quiz-question", "missed", missed);
        await host.Scheduler.ScheduleOnceAsync("quiz-question", "late", late);

        Assert.Equal(late, await host.Jobs.WaitForAsync("quiz-question", "late").WaitAsync(Patience));
        var log = await host.Logs.WaitForAsync(4000).WaitAsync(Patience);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("study-once.quiz-question:missed", log.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:03", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Jobs.Runs, r => r.Id == "missed");
        // Quartz finishes a misfired one-off trigger asynchronously: it is either gone already or has no next fire time.
        var trigger = await (await host.QuartzAsync()).GetTrigger(StudyTriggers.OnceTriggerKey("quiz-question", "missed"));
        Assert.Null(trigger?.NextFireTimeUtc);
    }

    [Fact]
    public async Task MissedRunLateTimer_BeyondTheGracePeriod_StillFires_WithItsScheduledTime()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database, new Dictionary<string, string?> { ["Scheduling:MissedGracePeriod"] = "00:00:03" });
        var missed = DateTimeOffset.UtcNow.AddHours(-5);

        await host.Scheduler.ScheduleOnceAsync("quiz-results", "closing", missed, MissedTimer.RunLate);
        await host.Scheduler.ScheduleOnceAsync("quiz-question", "skipped", missed);

        Assert.Equal(missed, await host.Jobs.WaitForAsync("quiz-results", "closing").WaitAsync(Patience));
        await host.Logs.WaitForAsync(4000).WaitAsync(Patience);
        Assert.DoesNotContain(host.Jobs.Runs, r => r.Id == "skipped");
        Assert.Single(host.Jobs.Runs, r => r.Id == "closing");
    }

    [Fact]
    public async Task FailingRun_IsLoggedWithItsException_AndNotFiredAgain()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database);
        host.Jobs.Throw = true;

        await host.Scheduler.ScheduleOnceAsync("recap", "boom", DateTimeOffset.UtcNow.AddMilliseconds(-200));
        var log = await host.Logs.WaitForAsync(4002).WaitAsync(Patience);
        await Task.Delay(500);

        Assert.IsType<InvalidOperationException>(log.Exception);
        Assert.Single(host.Jobs.Runs);
        Assert.Equal(SchedulerStatus.Running, (await host.QuartzAsync()).Status);
    }

    [Fact]
    public async Task Clustered_OnSqlite_FailsAtStartWithTheKeyName()
    {
        using var host = SchedulingTestHost.Build(_database, new Dictionary<string, string?>
        {
            ["Scheduling:Clustered"] = "true",
            ["Storage:Provider"] = "sqlite", // in the all-PostgreSQL pass too
            ["ConnectionStrings:CoachBot"] = $"Data Source={_database.PathOf("clustered.db")}",
        }, out _, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:Clustered=true needs Storage:Provider=postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clustered_WithTheSchedulerDisabled_FailsAtStart()
    {
        using var host = SchedulingTestHost.Build(
            _database, new Dictionary<string, string?> { ["Scheduling:Clustered"] = "true", ["Scheduling:Enabled"] = "false" }, out _, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:Clustered=true needs Scheduling:Enabled=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clustered_OnPostgres_OwnersAreTheClustersLiveNodes()
    {
        using var host = SchedulingTestHost.Build(_database, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Scheduling:Clustered"] = "true",
            ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
        }, out _, out _);

        var options = host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;

        Assert.IsType<ClusterDeliveryOwners>(host.Services.GetRequiredService<IDeliveryOwners>());
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)), (options.ClusterCheckinInterval, options.ClusterCheckinMisfireThreshold));
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("3", 3)]
    public async Task MaxConcurrency_IsTheSchedulersThreadPool(string? configured, int threads)
    {
        await using var host = await SchedulingTestHost.StartAsync(_database, new Dictionary<string, string?> { ["Scheduling:MaxConcurrency"] = configured });

        var metadata = await (await host.QuartzAsync()).GetMetadata();

        Assert.Equal(threads, metadata.ThreadPoolSize);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task MaxConcurrency_OutOfRange_FailsAtStartWithTheKeyName(string configured)
    {
        using var host = SchedulingTestHost.Build(_database, new Dictionary<string, string?> { ["Scheduling:MaxConcurrency"] = configured }, out _, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:MaxConcurrency must be between 1 and 100.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverySweep_RunsEveryInterval()
    {
        await using var host = await SchedulingTestHost.StartAsync(_database, new Dictionary<string, string?> { ["Scheduling:RecoverySweepInterval"] = "00:00:01" });

        await host.Jobs.WaitForAsync("recover", "pending").WaitAsync(Patience);

        Assert.True(host.Jobs.Recoveries >= 1);
        Assert.Empty(host.Jobs.Runs);
    }

    [Fact]
    public void Defaults_AreDocumented()
    {
        using var host = SchedulingTestHost.Build(_database, null, out _, out _);
        var options = host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;

        Assert.Equal((true, TimeSpan.FromHours(2), false), (options.Enabled, options.MissedGracePeriod, options.Clustered));
        Assert.Equal(
            (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1)),
            (options.ClusterCheckinInterval, options.ClusterCheckinMisfireThreshold, options.RecoverySweepInterval));
        Assert.Null(host.Services.GetService<IDeliveryOwners>()); // one instance: Core's default owners stay
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is QuartzHostedService);
        Assert.IsType<QuartzStudyScheduler>(host.Services.GetRequiredService<IStudyScheduler>());
    }

    [Fact]
    public async Task Disabled_DoesNotStartTheScheduler_ButStillStoresTimers()
    {
        using var host = SchedulingTestHost.Build(_database, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" }, out _, out _);
        await host.StartAsync();

        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is QuartzHostedService);
        var scheduler = host.Services.GetRequiredService<IStudyScheduler>();
        var schedule = QuartzFireTimesTests.Schedule("Europe/Berlin", 9, 0);
        await scheduler.ScheduleDailyAsync(schedule);

        Assert.NotNull(await scheduler.GetNextFireTimeAsync(schedule.Id));
        Assert.NotEqual(SchedulerStatus.Running, (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Status);
        await host.StopAsync();
    }

    /// <summary>Polls <paramref name="condition"/> for up to <see cref="Patience"/> (the store completes a fired trigger just after its job returns).</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
