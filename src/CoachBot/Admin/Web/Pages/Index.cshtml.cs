using CoachBot.Admin.Web.Charts;
using CoachBot.Core.Admin;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin.Web.Pages;

/// <summary><c>/admin</c>: the dashboard. Per-model class averages over time for one set (a chart and the same numbers as a table) and participation per channel.</summary>
public sealed class IndexModel(AdminService admin, IOptions<PracticeOptions> practice) : AdminPageModel
{
    /// <summary>The windows offered, in days.</summary>
    public static IReadOnlyList<int> Windows { get; } = [7, 14, 30, 90, 365];

    /// <summary>The chosen set (query <c>set</c>); defaults to the practice default, else the first set.</summary>
    [BindProperty(Name = "set", SupportsGet = true)]
    public string? SetId { get; set; }

    /// <summary>The window in days (query <c>days</c>), one of <see cref="Windows"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    /// <summary>Every set, for the picker.</summary>
    public IReadOnlyList<QuestionSet> Sets { get; private set; } = [];

    /// <summary>The numbers, when the set exists.</summary>
    public ModelTrend? Trend { get; private set; }

    /// <summary>The chart, when there are graded answers.</summary>
    public TrendChart? Chart { get; private set; }

    /// <summary>Participation per place in the window, for the chosen set.</summary>
    public IReadOnlyList<Participation> Participation { get; private set; } = [];

    /// <summary>Loads the numbers.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sets = await admin.Sets.ListAsync(cancellationToken);
        if (!Windows.Contains(Days))
        {
            Days = 30;
        }

        var chosen = Sets.FirstOrDefault(s => string.Equals(s.Id, SetId?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? Sets.FirstOrDefault(s => s.Id == practice.Value.DefaultSetId)
            ?? Sets.FirstOrDefault();
        SetId = chosen?.Id;
        if (chosen is null)
        {
            return;
        }

        Trend = await admin.Analytics.GetModelTrendAsync(chosen.Id, null, Days, cancellationToken);
        Chart = Trend is { Answers: > 0 } ? TrendChart.Build(Trend) : null;
        Participation = await admin.Analytics.GetParticipationAsync(chosen.Id, Days, cancellationToken);
    }
}
