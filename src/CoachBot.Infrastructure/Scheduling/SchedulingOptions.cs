using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Scheduling;

/// <summary>
/// Study-channel timer settings (configuration section <c>Scheduling</c>). Timers live in Quartz.NET's persistent
/// job store, in the application database (<c>ConnectionStrings:CoachBot</c>).
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
    /// Whether several instances share the timers as a Quartz cluster. Default <c>false</c>, and the only valid value
    /// on SQLite (kept for a PostgreSQL store later).
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>The scheduler's name, unique per database (it keys the rows). Default <c>CoachBot</c>.</summary>
    [Required(ErrorMessage = "Scheduling:InstanceName is required.")]
    [RegularExpression("^[A-Za-z0-9._-]{1,80}$", ErrorMessage = "Scheduling:InstanceName must be 1-80 letters, digits, '.', '_' or '-'.")]
    public string InstanceName { get; set; } = "CoachBot";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Clustered)
        {
            yield return new ValidationResult(
                "Scheduling:Clustered needs a database that supports Quartz clustering (e.g. PostgreSQL); the SQLite store runs one instance.",
                [nameof(Clustered)]);
        }

        if (MissedGracePeriod.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            yield return new ValidationResult("Scheduling:MissedGracePeriod must be a whole number of milliseconds.", [nameof(MissedGracePeriod)]);
        }
    }
}
