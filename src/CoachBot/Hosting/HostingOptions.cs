using System.ComponentModel.DataAnnotations;

namespace CoachBot.Hosting;

/// <summary>How the process stops (configuration section <c>Hosting</c>).</summary>
public sealed class HostingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hosting";

    /// <summary>
    /// How long a stop (SIGTERM, Ctrl+C) waits for in-flight work: requests in progress, deferred replies, running
    /// timer jobs. Then the process exits, and posts whose sends had not finished stay pending for the next start.
    /// Default 25 seconds: under the 30-second grace period of Kubernetes and Azure Container Apps, so the host ends
    /// its own way before it is killed. Sets the host's <c>HostOptions.ShutdownTimeout</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Hosting:ShutdownTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
