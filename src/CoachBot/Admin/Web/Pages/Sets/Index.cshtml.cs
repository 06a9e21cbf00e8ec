using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Admin.Web.Pages.Sets;

/// <summary><c>/admin/sets</c>: every question set at its latest version.</summary>
public sealed class IndexModel(AdminService admin) : AdminPageModel
{
    /// <summary>The sets.</summary>
    public IReadOnlyList<QuestionSet> Sets { get; private set; } = [];

    /// <summary>Loads the sets.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Sets = await admin.Sets.ListAsync(cancellationToken);
}
