using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>Turns raw model evidence into <see cref="ModelGrade"/>s: caps, level words, verbatim evidence.</summary>
internal static class ModelGradeBuilder
{
    public static List<ModelGrade> Build(
        IReadOnlyList<MentalModel> models, IReadOnlyList<ModelEvidence> evidence, FlagAssessment flags, AnswerText text)
    {
        var grades = new List<ModelGrade>(models.Count);
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            var e = evidence[i];
            var score = Math.Clamp(Math.Min(e.Score, flags.ModelCap), 0, 100);
            var missing = e.Missing;
            if (flags.RemoveQuantifiedCredit && string.Equals(model.Slug, BuiltInLexicons.QuantifiedImpact, StringComparison.OrdinalIgnoreCase))
            {
                score = Math.Min(score, 10);
                missing = ModelAdvisor.Quantified(ImpactStage.BareFigure).Missing;
            }

            if (flags.Has(GradeFlags.UnsupportedLanguage))
            {
                missing = "The answer does not appear to be in English, so only English rubric terms could be credited";
            }

            var level = EvidenceLevels.For(score);
            var quote = level == EvidenceLevel.Missing || e.Evidence is null ? null : EvidenceFormatter.Format(text.TextOf(e.Evidence));
            grades.Add(new ModelGrade(model.Slug, model.Name, score, level, quote, level == EvidenceLevel.Strong ? null : missing));
        }

        return grades;
    }
}
