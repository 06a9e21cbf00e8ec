namespace CoachBot.Core.Admin.Commands;

/// <summary>
/// What follows <c>admin import</c>: options on the first line (<c>set &lt;id&gt;</c>, <c>dry run</c>, in any order) and
/// Markdown pasted on the lines after it.
/// </summary>
/// <param name="SetId">The id to import as, or <c>null</c> (the document's own).</param>
/// <param name="DryRun">True: validate and preview, store nothing.</param>
/// <param name="Pasted">The pasted Markdown (empty when none).</param>
/// <param name="Error">Why the options could not be read, or <c>null</c>.</param>
public sealed record ImportRequest(string? SetId, bool DryRun, string Pasted, string? Error)
{
    /// <summary>Reads the arguments of <c>admin import</c>.</summary>
    public static ImportRequest Parse(string arguments)
    {
        var text = arguments ?? string.Empty;
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var options = (newline < 0 ? text : text[..newline]).Trim();
        var pasted = newline < 0 ? string.Empty : text[(newline + 1)..].Trim();
        var words = Practice.Commands.CommandArguments.Words(options);
        string? setId = null;
        var dryRun = false;
        for (var i = 0; i < words.Count; i++)
        {
            switch (words[i].ToLowerInvariant())
            {
                case "set" when i + 1 < words.Count:
                    setId = words[++i];
                    break;
                case "set":
                    return new ImportRequest(null, false, pasted, "Say which set: set <id>.");
                case "dry" when i + 1 < words.Count && words[i + 1].Equals("run", StringComparison.OrdinalIgnoreCase):
                    dryRun = true;
                    i++;
                    break;
                case "dry-run" or "dryrun":
                    dryRun = true;
                    break;
                default:
                    return new ImportRequest(null, false, pasted, $"I didn't understand \"{Channels.Scheduling.ScheduleSpec.Clip(words[i])}\" (put pasted Markdown on the lines after the command).");
            }
        }

        return new ImportRequest(setId, dryRun, pasted, null);
    }
}
