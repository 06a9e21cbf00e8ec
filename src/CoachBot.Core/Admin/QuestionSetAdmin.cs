using System.Globalization;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Admin;

/// <summary>
/// Question sets for admins: list, read, create, edit, import, export, version history and rollback. Every change
/// stores a new version (grades keep the version they were graded against) and is audited. Edits name the version
/// they were made against: when someone saved a newer one first, the edit is a conflict, never a silent overwrite.
/// </summary>
public sealed partial class QuestionSetAdmin(IQuestionSetStore sets, QuestionSetImporter importer, AuditLog audit, ILogger<QuestionSetAdmin> logger)
{
    /// <summary>The latest version of every set.</summary>
    public Task<IReadOnlyList<QuestionSet>> ListAsync(CancellationToken cancellationToken = default) => sets.GetAllLatestAsync(cancellationToken);

    /// <summary>A set's latest version, or a given version; <c>null</c> when absent.</summary>
    public async Task<QuestionSet?> GetAsync(string id, int? version = null, CancellationToken cancellationToken = default) =>
        !IsPlausibleId(id) ? null
        : version is { } v ? await sets.GetVersionAsync(Normalize(id), v, cancellationToken)
        : await sets.GetLatestAsync(Normalize(id), cancellationToken);

    /// <summary>A set's versions, newest first.</summary>
    public async Task<AdminResult<IReadOnlyList<QuestionSetVersionInfo>>> GetVersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var versions = IsPlausibleId(id) ? await sets.GetVersionsAsync(Normalize(id), cancellationToken) : [];
        return versions.Count == 0
            ? AdminResult<IReadOnlyList<QuestionSetVersionInfo>>.Fail(AdminStatus.NotFound, NoSuchSet(id))
            : AdminResult<IReadOnlyList<QuestionSetVersionInfo>>.Ok(versions, $"{versions.Count} versions");
    }

    /// <summary>Creates a new set (version 1); a conflict when the id is taken.</summary>
    public async Task<AdminResult<QuestionSet>> CreateAsync(AdminActor actor, QuestionSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var created = set with { Version = 1 };
        if (Validate(created) is { } invalid)
        {
            return invalid;
        }

        if (!await sets.TryAddVersionAsync(created, actor.Id, "created", cancellationToken))
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.Conflict, $"A set with id \"{set.Id}\" already exists; edit it instead.");
        }

        await AuditAsync(actor, "set.create", created.Id, null, 1, $"{created.Questions.Count} questions", cancellationToken);
        return AdminResult<QuestionSet>.Created(created, $"Created \"{created.Title}\" ({created.Id}) v1.");
    }

    /// <summary>Stores <paramref name="set"/> as the next version after <paramref name="expectedVersion"/>.</summary>
    public async Task<AdminResult<QuestionSet>> UpdateAsync(AdminActor actor, string id, QuestionSet set, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!string.Equals(Normalize(id), set.Id, StringComparison.Ordinal))
        {
            return AdminResult<QuestionSet>.Invalid($"The body's id \"{set.Id}\" is not the set being edited (\"{id}\").", AdminProblems.One("id", "must match the set in the address"));
        }

        return await SaveNextAsync(actor, set.Id, expectedVersion, _ => set, "set.edit", "edited", cancellationToken);
    }

    /// <summary>
    /// Imports a document: validates it completely first and stores nothing on any error (all-or-nothing). An
    /// existing set gets a new version; an import identical to the latest version stores nothing.
    /// </summary>
    public async Task<AdminResult<ImportPreview>> ImportAsync(
        AdminActor actor, ReadOnlyMemory<byte> content, QuestionSetFormat format, string source, string? setId, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var targetId = string.IsNullOrWhiteSpace(setId) ? null : Normalize(setId);
        var existingForCsv = format == QuestionSetFormat.Csv && targetId is not null ? await sets.GetLatestAsync(targetId, cancellationToken) : null;
        var result = importer.Import(content.Span, format, new ImportContext(source, targetId, existingForCsv));
        var warnings = result.Problems.Where(p => p.Severity == ImportSeverity.Warning).ToList();
        if (!result.Succeeded || result.Set is null)
        {
            var errors = result.Problems.Count(p => p.Severity == ImportSeverity.Error);
            return AdminResult<ImportPreview>.Invalid(
                string.Create(CultureInfo.InvariantCulture, $"Nothing was imported: the document has {errors} {(errors == 1 ? "problem" : "problems")}."), result.Problems);
        }

        var latest = await sets.GetLatestAsync(result.Set.Id, cancellationToken);
        var candidate = result.Set with { Version = (latest?.Version ?? 0) + 1 };
        var changes = QuestionSetDiff.Describe(latest, candidate);
        if (latest is not null && changes.Count == 0)
        {
            return AdminResult<ImportPreview>.Ok(new ImportPreview(latest, false, latest.Version, [], dryRun), $"\"{latest.Title}\" v{latest.Version} already has exactly this content; nothing to import.", warnings);
        }

        var preview = new ImportPreview(candidate, latest is null, latest?.Version, changes, dryRun);
        if (dryRun)
        {
            return AdminResult<ImportPreview>.Ok(preview, $"Dry run: this would store \"{candidate.Title}\" ({candidate.Id}) v{candidate.Version}.", warnings);
        }

        if (!await sets.TryAddVersionAsync(candidate, actor.Id, $"imported from {Clip(source)}", cancellationToken))
        {
            return AdminResult<ImportPreview>.Fail(AdminStatus.Conflict, $"\"{candidate.Id}\" changed while importing; look at the latest version and import again.");
        }

        await AuditAsync(actor, "set.import", candidate.Id, latest?.Version, candidate.Version, $"{format} from {Clip(source)}", cancellationToken);
        return AdminResult<ImportPreview>.Created(preview, $"Imported \"{candidate.Title}\" ({candidate.Id}) v{candidate.Version}.", warnings);
    }

    /// <summary>Stores an earlier version's content as the next version.</summary>
    public async Task<AdminResult<QuestionSet>> RollbackAsync(AdminActor actor, string id, int version, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!IsPlausibleId(id) || await sets.GetVersionAsync(Normalize(id), version, cancellationToken) is not { } old)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, $"Set \"{Clip(id)}\" has no version {version}.");
        }

        return await SaveNextAsync(actor, old.Id, expectedVersion, _ => old, "set.rollback", $"rolled back to v{version}", cancellationToken);
    }

    /// <summary>A set (latest or given version) as JSON or YAML.</summary>
    public async Task<AdminResult<string>> ExportAsync(string id, int? version, QuestionSetFormat format, CancellationToken cancellationToken = default)
    {
        if (format is not (QuestionSetFormat.Json or QuestionSetFormat.Yaml))
        {
            return AdminResult<string>.Invalid("Export as json or yaml.", AdminProblems.One("format", "json or yaml"));
        }

        return await GetAsync(id, version, cancellationToken) is { } set
            ? AdminResult<string>.Ok(QuestionSetExporter.Export(set, format), $"{set.Id} v{set.Version}")
            : AdminResult<string>.Fail(AdminStatus.NotFound, version is { } v ? $"Set \"{Clip(id)}\" has no version {v}." : NoSuchSet(id));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the latest version and stores the result as the next version. With
    /// <paramref name="expectedVersion"/>, a newer latest version is a conflict; the store's unique version key makes
    /// two concurrent saves of the same next version a conflict too.
    /// </summary>
    private async Task<AdminResult<QuestionSet>> SaveNextAsync(
        AdminActor actor, string setId, int? expectedVersion, Func<QuestionSet, QuestionSet> change, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await GetAsync(setId, null, cancellationToken) is not { } latest)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, NoSuchSet(setId));
        }

        if (expectedVersion is { } expected && expected != latest.Version)
        {
            return Conflict(latest, expected);
        }

        var next = change(latest) with { Id = latest.Id, Version = latest.Version + 1 };
        if (Validate(next) is { } invalid)
        {
            return invalid;
        }

        if (QuestionSetDiff.Describe(latest, next).Count == 0)
        {
            return AdminResult<QuestionSet>.Ok(latest, $"Nothing changed: \"{latest.Title}\" stays at v{latest.Version}.");
        }

        if (!await sets.TryAddVersionAsync(next, actor.Id, note, cancellationToken))
        {
            return Conflict(await sets.GetLatestAsync(latest.Id, cancellationToken) ?? latest, latest.Version);
        }

        await AuditAsync(actor, action, next.Id, latest.Version, next.Version, note, cancellationToken);
        return AdminResult<QuestionSet>.Ok(next, $"Saved \"{next.Title}\" ({next.Id}) v{next.Version}: {note}.");
    }

    private async Task AuditAsync(AdminActor actor, string action, string setId, int? before, int? after, string detail, CancellationToken ct)
    {
        await audit.RecordAsync(actor, action, setId, before, after, detail, ct);
        LogChanged(logger, action, setId, after ?? 0, actor.Id);
    }

    private static AdminResult<QuestionSet> Conflict(QuestionSet latest, int expected) =>
        AdminResult<QuestionSet>.Fail(AdminStatus.Conflict, string.Create(
            CultureInfo.InvariantCulture,
            $"\"{latest.Id}\" was changed by someone else: your edit was made on v{expected}, the latest is v{latest.Version}. Nothing was saved; look at v{latest.Version} and make your change again."));

    private static AdminResult<QuestionSet>? Validate(QuestionSet set)
    {
        var problems = QuestionSetValidator.Validate(set);
        var errors = problems.Count(p => p.Severity == ImportSeverity.Error);
        return errors == 0 ? null : AdminResult<QuestionSet>.Invalid($"Nothing was saved: {errors} {(errors == 1 ? "problem" : "problems")}.", problems);
    }

    private static bool IsPlausibleId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Trim().Length <= 64;

    private static string Normalize(string id) => id.Trim().ToLowerInvariant();

    private static string Clip(string text) => Channels.Scheduling.ScheduleSpec.Clip(text);

    private static string NoSuchSet(string? id) => $"There is no question set \"{Clip(id ?? string.Empty)}\". Say admin sets to list them.";

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Question set change {Action} on {SetId}: now v{Version}, by {ActorId}")]
    private static partial void LogChanged(ILogger logger, string action, string setId, int version, string actorId);
}
