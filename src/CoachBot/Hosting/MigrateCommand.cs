using CoachBot.Infrastructure;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting;

/// <summary>
/// <c>migrate</c>: applies the database migrations (<c>Storage:Provider</c>, <c>ConnectionStrings:CoachBot</c>) and
/// exits, for operators who turn <c>Storage:MigrateAtStart</c> off and migrate as a separate deployment step. Never
/// starts the web server, seeds nothing.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The migrations were applied (or none was pending).</summary>
    public const int Migrated = 0;

    /// <summary>Invalid configuration or the database refused: nothing, or not everything, was applied.</summary>
    public const int Failed = 1;

    /// <summary>Runs the command with <paramref name="args"/> (the arguments after <c>migrate</c>: ASP.NET Core's usual ones).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter standardOutput, TextWriter standardError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);
        await using var app = CoachBotApp.Build(args, RunMode.Migrate);
        StorageOptions storage;
        try
        {
            storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await standardError.WriteLineAsync($"migrate: invalid configuration: {string.Join(" ", ex.Failures)}");
            return Failed;
        }

        try
        {
            var applied = await app.Services.MigrateCoachBotDatabaseAsync(cancellationToken);
            await standardOutput.WriteLineAsync($"migrate: the {storage.Provider.ToLowerInvariant()} database is up to date ({applied} migration(s) applied).");
            return Migrated;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The provider's message says what went wrong (unreachable server, authentication, permissions) without the password.
            await standardError.WriteLineAsync($"migrate: the {storage.Provider.ToLowerInvariant()} database could not be migrated: {ex.GetBaseException().Message}");
            return Failed;
        }
    }
}
