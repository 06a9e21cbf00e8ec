using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CoachBot.Infrastructure;

/// <summary>
/// Storage settings (configuration section <c>Storage</c>). The connection string is
/// <c>ConnectionStrings:CoachBot</c> (on SQLite, default <see cref="DefaultConnectionString"/>; PostgreSQL needs one).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string (<c>ConnectionStrings:CoachBot</c>).</summary>
    public const string ConnectionStringName = "CoachBot";

    /// <summary>The connection string used on SQLite when <c>ConnectionStrings:CoachBot</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=./data/coachbot.db";

    /// <summary>The SQLite provider name.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider name.</summary>
    public const string Postgres = "postgres";

    /// <summary>The database provider: <c>sqlite</c> (default) or <c>postgres</c>, in any letter case.</summary>
    [Required(ErrorMessage = "Storage:Provider is required ('sqlite' or 'postgres').")]
    [RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Whether the app applies pending migrations when it starts. Default <c>true</c>. When <c>false</c> an operator
    /// migrates with the <c>migrate</c> command, and the app refuses to start while migrations are pending.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>
    /// <c>ConnectionStrings:CoachBot</c>, copied here when the options are built (not bound from the <c>Storage</c>
    /// section); <c>null</c> when it is not set.
    /// </summary>
    public string? ConnectionString { get; internal set; }

    /// <summary>Whether <see cref="Provider"/> is PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string to use: <see cref="ConnectionString"/>, or on SQLite <see cref="DefaultConnectionString"/> when it is not set.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) ? (IsPostgres ? string.Empty : DefaultConnectionString) : ConnectionString;

    /// <summary>
    /// Reads the provider and the connection string from <paramref name="configuration"/> now, unvalidated (for registrations that depend on the
    /// provider; <c>IOptions&lt;StorageOptions&gt;</c> is the validated value).
    /// </summary>
    internal static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        // Only the two values that registrations need, so that a bad value elsewhere in the section is reported by
        // the validation at start, not as a binding error here.
        return new StorageOptions
        {
            Provider = configuration.GetSection(SectionName)[nameof(Provider)] ?? Sqlite,
            ConnectionString = configuration.GetConnectionString(ConnectionStringName),
        };
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:Provider 'postgres' needs ConnectionStrings:CoachBot (e.g. Host=localhost;Database=coachbot;Username=coachbot;Password=…).",
                [nameof(ConnectionString)]);
            yield break;
        }

        // The message never repeats the connection string: it may hold a password.
        var problem = ParseProblem();
        if (problem is not null)
        {
            yield return new ValidationResult(
                $"ConnectionStrings:CoachBot is not a valid {(IsPostgres ? "PostgreSQL" : "SQLite")} connection string: {problem}",
                [nameof(ConnectionString)]);
        }
    }

    private string? ParseProblem()
    {
        try
        {
            if (IsPostgres)
            {
                _ = new NpgsqlConnectionStringBuilder(EffectiveConnectionString);
            }
            else if (string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                _ = new SqliteConnectionStringBuilder(EffectiveConnectionString);
            }

            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ex.Message;
        }
    }
}
