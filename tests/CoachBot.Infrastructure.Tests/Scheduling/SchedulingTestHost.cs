using CoachBot.Core.Channels;
using CoachBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CoachBot.Infrastructure.Tests.Scheduling;

/// <summary>
/// A real generic host over the test class's real database (SQLite or PostgreSQL): storage (with its migrator) plus scheduling, a fake
/// <see cref="IStudyChannelJobs"/> and captured logs.
/// </summary>
internal sealed class SchedulingTestHost : IAsyncDisposable
{
    private SchedulingTestHost(IHost host, FakeStudyChannelJobs jobs, ListLoggerProvider logs)
    {
        Host = host;
        Jobs = jobs;
        Logs = logs;
    }

    public IHost Host { get; }

    public FakeStudyChannelJobs Jobs { get; }

    public ListLoggerProvider Logs { get; }

    public IStudyScheduler Scheduler => Host.Services.GetRequiredService<IStudyScheduler>();

    public ValueTask<IScheduler> QuartzAsync() => Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public static async Task<SchedulingTestHost> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var host = Build(database, settings, out var jobs, out var logs);
        await host.StartAsync();
        return new SchedulingTestHost(host, jobs, logs);
    }

    public static IHost Build(TestDatabase database, IDictionary<string, string?>? settings, out FakeStudyChannelJobs jobs, out ListLoggerProvider logs)
    {
        var values = new Dictionary<string, string?>(database.Settings)
        {
            ["Scheduling:InstanceName"] = "CoachBotTests",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        var fake = new FakeStudyChannelJobs();
        var provider = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(provider).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCoachBotStorage(builder.Configuration);
        builder.Services.AddCoachBotScheduling(builder.Configuration);
        builder.Services.AddScoped<IStudyChannelJobs>(_ => fake);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        jobs = fake;
        logs = provider;
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
