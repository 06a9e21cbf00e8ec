using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Admin.Web.Pages.Sets;

/// <summary>
/// <c>/admin/sets/{id}</c>: one set's questions and versions, with a rollback button per earlier version and export
/// links (<c>?handler=export&amp;format=json|yaml[&amp;version=N]</c>).
/// </summary>
public sealed class SetModel(AdminService admin) : AdminPageModel
{
    /// <summary>The set's latest version.</summary>
    public QuestionSet? Set { get; private set; }

    /// <summary>Its versions, newest first.</summary>
    public IReadOnlyList<QuestionSetVersionInfo> Versions { get; private set; } = [];

    /// <summary>Shows the set.</summary>
    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    /// <summary>Stores version <paramref name="version"/>'s content as the next version, unless someone saved a newer one than <paramref name="expectedVersion"/>.</summary>
    public async Task<IActionResult> OnPostRollbackAsync(string id, int version, int expectedVersion, CancellationToken cancellationToken)
    {
        var result = await admin.Sets.RollbackAsync(Actor, id, version, expectedVersion, cancellationToken);
        if (result.Succeeded)
        {
            Flash(result.Message);
            return RedirectToPage(new { id = result.Value!.Id });
        }

        await LoadAsync(id, cancellationToken);
        ShowFailure(result);
        return Page();
    }

    /// <summary>Downloads the set (latest or <paramref name="version"/>) as JSON or YAML.</summary>
    public async Task<IActionResult> OnGetExportAsync(string id, string? format, int? version, CancellationToken cancellationToken)
    {
        var chosen = string.Equals(format, "yaml", StringComparison.OrdinalIgnoreCase) ? QuestionSetFormat.Yaml
            : string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? QuestionSetFormat.Json
            : (QuestionSetFormat?)null;
        if (chosen is null)
        {
            return NotFound();
        }

        if (await admin.Sets.GetAsync(id, version, cancellationToken) is not { } set
            || await admin.Sets.ExportAsync(set.Id, set.Version, chosen.Value, cancellationToken) is not { Succeeded: true, Value: { } document })
        {
            return NotFound();
        }

        var (contentType, extension) = chosen == QuestionSetFormat.Json ? ("application/json", "json") : ("application/yaml", "yaml");
        return File(Encoding.UTF8.GetBytes(document), contentType, $"{set.Id}-v{set.Version}.{extension}");
    }

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        Set = await admin.Sets.GetAsync(id, null, cancellationToken);
        if (Set is null)
        {
            ShowNotFound($"There is no question set \"{id}\".");
            return;
        }

        var versions = await admin.Sets.GetVersionsAsync(Set.Id, cancellationToken);
        Versions = versions.Value ?? [];
    }
}
