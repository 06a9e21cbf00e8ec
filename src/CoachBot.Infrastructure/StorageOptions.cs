using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure;

/// <summary>
/// Storage settings (configuration section <c>Storage</c>). The connection string is
/// <c>ConnectionStrings:CoachBot</c> (default <see cref="DefaultConnectionString"/>).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string (<c>ConnectionStrings:CoachBot</c>).</summary>
    public const string ConnectionStringName = "CoachBot";

    /// <summary>The connection string used when <c>ConnectionStrings:CoachBot</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=./data/coachbot.db";

    /// <summary>The SQLite provider name.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The database provider. Default and (for now) only valid value: <c>sqlite</c>.</summary>
    [Required(ErrorMessage = "Storage:Provider is required ('sqlite').")]
    [RegularExpression("^(?i:sqlite)$", ErrorMessage = "Storage:Provider must be 'sqlite' (the only supported provider).")]
    public string Provider { get; set; } = Sqlite;
}
