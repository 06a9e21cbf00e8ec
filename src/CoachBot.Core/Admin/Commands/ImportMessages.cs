using System.Globalization;
using CoachBot.Core.Importing;
using CoachBot.Core.Messages;

namespace CoachBot.Core.Admin.Commands;

/// <summary>What <c>admin import</c> says: the preview or what was stored (counts, changes, warnings), or every problem with its line.</summary>
public static class ImportMessages
{
    /// <summary>The reply to an import (or dry run).</summary>
    public static CoachMessage Result(AdminResult<ImportPreview> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Value is not { } preview)
        {
            return new CoachMessage
            {
                Blocks = [new TextBlock(result.Message, TextStyle.Heading), .. AdminMessages.Problems(result.Problems)],
                Summary = result.Message,
            };
        }

        var set = preview.Set;
        var heading = preview.DryRun ? "Dry run: nothing was stored" : result.Status == AdminStatus.Created ? "Imported" : "Nothing to import";
        var version = preview.IsNew
            ? string.Create(CultureInfo.InvariantCulture, $"v{set.Version} (a new set)")
            : string.Create(CultureInfo.InvariantCulture, $"v{set.Version} (the latest was v{preview.PreviousVersion})");
        var warnings = result.Problems.Where(p => p.Severity == ImportSeverity.Warning).ToList();
        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock(heading, TextStyle.Heading),
                new TextBlock(result.Message),
                new FactsBlock(
                [
                    new CoachFact("Set", $"{set.Title} ({set.Id})"),
                    new CoachFact("Version", version),
                    new CoachFact("Questions", SetMessages.Questions(set)),
                    new CoachFact("Mental models", set.Models.Count.ToString(CultureInfo.InvariantCulture)),
                    new CoachFact("Success criteria", set.SuccessCriteria.Count.ToString(CultureInfo.InvariantCulture)),
                ]),
                .. Section("Changes", MessageLists.Lines(preview.Changes)),
                .. Section(string.Create(CultureInfo.InvariantCulture, $"Warnings ({warnings.Count})"), AdminMessages.Problems(warnings)),
            ],
            Actions = preview.DryRun ? [] : [new CoachAction("Show the set", $"admin set {set.Id}")],
            Summary = result.Message,
        };
    }

    private static IEnumerable<CoachBlock> Section(string title, IReadOnlyList<CoachBlock> blocks) =>
        blocks.Count == 0 ? [] : [new TextBlock(title, TextStyle.Subtle), .. blocks];
}
