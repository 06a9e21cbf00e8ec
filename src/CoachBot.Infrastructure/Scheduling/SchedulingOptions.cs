using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Study-channel timer settings (configuration section <c>Scheduling</c>). Timers live in Quartz.NET's persistent
/// job store, in the application database (<c>ConnectionStrings:CoachBot</c>). On PostgreSQL several instances can
/// share them as a cluster (<see cref="Clustered"/>).
/// </summary>
public sealed class SchedulingOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scheduling";

    /// <summary>
    /// Whether this instance fires timers. Default <c>true</c>. When <c>false</c> timers are still stored (another
    /// instance on the same database fires them) but this one never starts the scheduler.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How late a timer may still fire (after downtime or a busy scheduler). Default 2 hours. A timer missed by
    /// longer is skipped, and the skip is logged; a daily schedule then waits for its next occurrence.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Scheduling:MissedGracePeriod must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan MissedGracePeriod { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Whether several instances share the timers as a Quartz cluster: every instance runs a scheduler, each timer
    /// fires on exactly one, and the work of an instance that dies is taken over by the others. Default <c>false</c>.
    /// Needs <c>Storage:Provider=postgres</c> and <see cref="Enabled"/>; every instance uses the same
    /// <see cref="InstanceName"/> and gets a generated instance id of its own.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>
    /// Clustered: how often an instance records in the database that it is alive. Default 10 seconds. Shorter finds a
    /// dead instance sooner, at the cost of more database traffic.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Scheduling:ClusterCheckinInterval must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Clustered: how long past a missed check-in the others wait before declaring an instance dead and taking over
    /// its timers, its running jobs and its unsent posts. Default 20 seconds (so a dead instance's work resumes after
    /// about 30 seconds). Keep it above the longest pause an instance can have (garbage collection, a database failover).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00", ErrorMessage = "Scheduling:ClusterCheckinMisfireThreshold must be between 00:00:00.100 and 00:30:00.")]
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often one instance looks for posts left unsent by an instance that stopped or died (recorded, never
    /// confirmed) and finishes them. Default 1 minute. One timer for the whole cluster: it runs on one instance at a time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Scheduling:RecoverySweepInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many timers one instance runs at once, and how many due timers it takes from the store in one go (Quartz's
    /// thread pool and trigger batch). Default 10. A fan-out of one occurrence to many places is one timer per place, so
    /// each instance takes its share of it in batches of this size as its threads come free; an instance that dies
    /// returns the batch it held to the others.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Scheduling:MaxConcurrency must be between 1 and 100.")]
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>
    /// The scheduler's name (it keys the rows). Default <c>CoachBot</c>. Instances of one cluster share it; separate
    /// deployments on one database need different names.
    /// </summary>
    [Required(ErrorMessage = "Scheduling:InstanceName is required.")]
    [RegularExpression("^[A-Za-z0-9._-]{1,80}$", ErrorMessage = "Scheduling:InstanceName must be 1-80 letters, digits, '.', '_' or '-'.")]
    public string InstanceName { get; set; } = "CoachBot";

    /// <summary>
    /// The storage provider (<c>Storage:Provider</c>), set when the options are registered: clustering needs PostgreSQL.
    /// Not bound from the section.
    /// </summary>
    internal string StorageProvider { get; set; } = StorageOptions.Sqlite;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Clustered && !string.Equals(StorageProvider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"Scheduling:Clustered=true needs Storage:Provider=postgres (Quartz clustering shares the timers through a PostgreSQL database; the '{StorageProvider}' store runs one instance).",
                [nameof(Clustered)]);
        }

        if (Clustered && !Enabled)
        {
            yield return new ValidationResult(
                "Scheduling:Clustered=true needs Scheduling:Enabled=true: every instance of a cluster runs a scheduler (its check-ins tell the others it is alive).",
                [nameof(Clustered), nameof(Enabled)]);
        }

        foreach (var (name, value) in new[] { (nameof(MissedGracePeriod), MissedGracePeriod), (nameof(ClusterCheckinInterval), ClusterCheckinInterval), (nameof(ClusterCheckinMisfireThreshold), ClusterCheckinMisfireThreshold), (nameof(RecoverySweepInterval), RecoverySweepInterval) })
        {
            if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
            {
                yield return new ValidationResult($"Scheduling:{name} must be a whole number of milliseconds.", [name]);
            }
        }
    }
}
