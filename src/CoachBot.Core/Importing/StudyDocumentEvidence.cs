using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>
/// Matches "strong answer" bullets to mental models by stemmed content-word overlap with the model's name and
/// description. Words shared by at least half of the models (e.g. "security", "customer") do not count, because
/// they would attach every bullet to every model.
/// </summary>
internal static class StudyDocumentEvidence
{
    /// <summary>Returns <paramref name="models"/> with <see cref="MentalModel.EvidenceHints"/> filled in.</summary>
    public static List<MentalModel> Attach(List<MentalModel> models, IReadOnlyList<string> bullets)
    {
        if (models.Count == 0 || bullets.Count == 0)
        {
            return models;
        }

        var modelStems = models.Select(m => StudyDocumentWords.Stems($"{m.Name} {m.Description}")).ToList();
        var common = modelStems
            .SelectMany(s => s)
            .GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => models.Count >= 2 && g.Count() * 2 >= models.Count)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

        var bulletStems = bullets.Select(StudyDocumentWords.Stems).ToList();
        var result = new List<MentalModel>(models.Count);
        for (var i = 0; i < models.Count; i++)
        {
            var distinctive = modelStems[i].Where(s => !common.Contains(s)).ToHashSet(StringComparer.Ordinal);
            var hints = bullets.Where((_, b) => bulletStems[b].Overlaps(distinctive)).ToList();
            result.Add(models[i] with { EvidenceHints = hints });
        }

        return result;
    }
}
