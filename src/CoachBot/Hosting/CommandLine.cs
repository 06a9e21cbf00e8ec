namespace CoachBot.Hosting;

/// <summary>How the process runs.</summary>
public enum RunMode
{
    /// <summary>The web host (<c>/api/messages</c>, <c>/healthz</c>).</summary>
    Serve,

    /// <summary>The terminal chat (<c>chat</c>).</summary>
    Chat,

    /// <summary>Batch grading of JSON Lines (<c>grade</c>); no web server.</summary>
    Grade,

    /// <summary>One request to a running host's <c>/healthz</c> (<c>healthcheck</c>), for container health checks.</summary>
    HealthCheck,

    /// <summary>Applies the database migrations and exits (<c>migrate</c>); no web server.</summary>
    Migrate,
}

/// <summary>
/// Separates the app's own commands (a first positional word: <c>chat</c>, <c>grade</c>, <c>healthcheck</c> or <c>migrate</c>) from ASP.NET Core's
/// usual arguments (<c>--urls</c>, <c>--environment</c>, <c>Key=Value</c>), which pass through unchanged.
/// </summary>
public static class CommandLine
{
    /// <summary>Parses the process arguments.</summary>
    public static (RunMode Mode, string[] HostArgs) Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], "chat", StringComparison.OrdinalIgnoreCase))
        {
            return (RunMode.Chat, args[1..]);
        }

        if (args.Length > 0 && string.Equals(args[0], "grade", StringComparison.OrdinalIgnoreCase))
        {
            return (RunMode.Grade, args[1..]); // the grade command's own options; see GradeArguments
        }

        if (args.Length > 0 && string.Equals(args[0], "healthcheck", StringComparison.OrdinalIgnoreCase))
        {
            return (RunMode.HealthCheck, args[1..]); // an optional address; see HealthProbe
        }

        if (args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase))
        {
            return (RunMode.Migrate, args[1..]);
        }

        return (RunMode.Serve, args);
    }
}
