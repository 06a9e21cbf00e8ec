using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Admin.Web.Pages.Sets;

/// <summary>
/// <c>/admin/sets/{id}/questions/{qid}</c>: edits one question; saving stores a new version of the set. The form
/// carries the version it was made on: when someone saved a newer one first, the page says so, keeps what the admin
/// typed, shows the latest text next to it, and a second save is made on the latest version.
/// </summary>
public sealed class QuestionModel(AdminService admin) : AdminPageModel
{
    /// <summary>The posted form (or the question as stored).</summary>
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    /// <summary>The set's latest version.</summary>
    public QuestionSet? Set { get; private set; }

    /// <summary>The question as stored in <see cref="Set"/>.</summary>
    public Question? Stored { get; private set; }

    /// <summary>True when the save lost a race (the stored question is shown beside the form).</summary>
    public bool Conflict { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(string id, string qid, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, qid, cancellationToken))
        {
            Input = QuestionInput.From(Stored!, Set!.Version);
        }
    }

    /// <summary>Saves the question as the next version.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string qid, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, qid, cancellationToken))
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Error = "Nothing was saved: check the fields marked below.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await admin.Sets.UpdateQuestionAsync(Actor, Set!.Id, Input.ToQuestion(Stored!.Id), Input.ExpectedVersion, cancellationToken);
        if (result.Succeeded)
        {
            Flash(result.Message);
            return RedirectToPage("/Sets/Set", new { id = Set.Id });
        }

        ShowFailure(result);
        if (result.Status == AdminStatus.Conflict)
        {
            Conflict = true;
            ModelState.Remove($"{nameof(Input)}.{nameof(QuestionInput.ExpectedVersion)}");
            Input.ExpectedVersion = Set.Version; // the next save is made, knowingly, on the latest version
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string id, string qid, CancellationToken cancellationToken)
    {
        Set = await admin.Sets.GetAsync(id, null, cancellationToken);
        Stored = Set?.FindQuestion(qid);
        if (Stored is null)
        {
            ShowNotFound(Set is null ? $"There is no question set \"{id}\"." : $"Set \"{Set.Id}\" has no question \"{qid}\".");
            return false;
        }

        return true;
    }
}
