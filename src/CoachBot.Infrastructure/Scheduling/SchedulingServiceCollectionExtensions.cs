using CoachBot.Core.Channels;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>Registration of the study-channel timers.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SchedulingOptions"/> (section <c>Scheduling</c>, validated at start), <see cref="IStudyScheduler"/>
    /// and a Quartz.NET scheduler whose persistent job store is the application database (<c>ConnectionStrings:CoachBot</c>,
    /// SQLite or PostgreSQL as <c>Storage:Provider</c> says): Quartz creates its own <c>QRTZ_</c> tables when missing
    /// (schema provisioning), independent of the EF migrations. The misfire threshold is
    /// <see cref="SchedulingOptions.MissedGracePeriod"/>; timers missed by longer are skipped and logged. With
    /// <c>Scheduling:Clustered</c> (PostgreSQL) the store is a Quartz cluster: database locks, a generated instance id
    /// per process, check-ins, and the jobs of a dead instance re-run by the others (<c>RequestRecovery</c>); the
    /// delivery ledger's owners are then the cluster's live instances (<see cref="ClusterDeliveryOwners"/>). A
    /// cluster-wide sweep (<see cref="DeliverySweepJob"/>) finishes posts a stopped instance left unsent. With
    /// <c>Scheduling:Enabled</c> (read now) the Quartz hosted service starts the scheduler with the host, after the
    /// database migration (which runs in <c>StartingAsync</c>) and waits for running jobs on shutdown.
    /// <see cref="IStudyChannelJobs"/> is not registered here: Core's study-channel service provides it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>Scheduling</c>, <c>Storage:Provider</c> and <c>ConnectionStrings:CoachBot</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCoachBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SchedulingOptions.SectionName);
        services.AddOptions<SchedulingOptions>()
            .Bind(section)
            .PostConfigure(o => o.StorageProvider = StorageOptions.FromConfiguration(configuration).Provider)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Quartz is configured now, from the same section (validation at start reports bad values).
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        var storage = StorageOptions.FromConfiguration(configuration);
        var clustered = options.Clustered && storage.IsPostgres;

        services.AddLogging();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                // One name for every instance of a cluster; each process gets its own generated id (AUTO).
                scheduler.InstanceName = options.InstanceName;
                scheduler.GenerateInstanceId = clustered;
            });
            // A fan-out is one timer per place. On a persistent store Quartz 4.7 acquires every due timer up to the
            // pool's size in one round (MaxBatchSize 0 = automatic = the pool), so instances take it in batches.
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Clamp(options.MaxConcurrency, 1, 100)); // out of range: validation says so at start
            quartz.UsePersistentStore(store =>
            {
                if (storage.IsPostgres)
                {
                    store.UsePostgres(storage.EffectiveConnectionString);
                }
                else
                {
                    store.UseSqlite(SqliteConnectionStrings.Prepare(storage.EffectiveConnectionString));
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(job =>
                {
                    job.MisfireThreshold = options.MissedGracePeriod;

                    // Look for missed timers at least every minute, not only every grace period.
                    job.MisfireHandlerFrequency = options.MissedGracePeriod < TimeSpan.FromMinutes(1) ? options.MissedGracePeriod : TimeSpan.FromMinutes(1);
                    job.StoreJobDataAsStrings = true;
                });

                if (clustered)
                {
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                    });
                }
            });
            quartz.AddTriggerListener<MissedTimerListener>();
            quartz.ScheduleJob<DeliverySweepJob>(
                trigger => DeliverySweepJob.Trigger(trigger, options.RecoverySweepInterval),
                job => job.WithIdentity(DeliverySweepJob.Key).RequestRecovery(false));
        });

        if (options.Enabled)
        {
            services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        }

        if (clustered)
        {
            services.Replace(ServiceDescriptor.Singleton<IDeliveryOwners, ClusterDeliveryOwners>());
        }

        services.TryAddSingleton<IStudyScheduler, QuartzStudyScheduler>();
        return services;
    }
}
