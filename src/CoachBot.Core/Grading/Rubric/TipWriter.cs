namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Writes the one-sentence tip: a flag that makes the answer ungradable comes first, otherwise the tip of the weakest
/// model (lowest score, first on ties, as <see cref="GradeResult.Weakest"/>).
/// </summary>
internal static class TipWriter
{
    public static string Write(FlagAssessment flags, IReadOnlyList<ModelGrade> grades, IReadOnlyList<ModelEvidence> evidence)
    {
        if (flags.Has(GradeFlags.UnsupportedLanguage))
        {
            return "I can only grade English answers for now, so please answer in English, starting with how one security "
                + "decision protects customer trust.";
        }

        if (flags.Has(GradeFlags.PromptInjection))
        {
            return "Instructions to the grader are ignored and never earn credit, so answer the question itself, starting "
                + "with how one security decision protects customer trust.";
        }

        if (flags.Has(GradeFlags.OffTopic))
        {
            return "Answer the question asked: connect one security decision to customers, e.g. 'risk-based sign-in "
                + "protects customers' accounts without extra friction'.";
        }

        if (flags.Has(GradeFlags.TooShort))
        {
            return "Expand this into two or three sentences: the security action, the customers it protects, and the "
                + "measured result.";
        }

        if (flags.Has(GradeFlags.KeywordStuffing))
        {
            return "Replace the list of keywords with one connected example: what you did, which customers it helped, and "
                + "the measured result.";
        }

        if (flags.Has(GradeFlags.Generic))
        {
            return "Replace the platitude with one security decision and its effect on customers, e.g. 'fraud detection "
                + "protects customers' payments without adding checkout friction'.";
        }

        if (grades.Count == 0)
        {
            return "Tie your answer to the customer: what the security decision changed for them, and how you measured it.";
        }

        var weakest = 0;
        for (var i = 1; i < grades.Count; i++)
        {
            weakest = grades[i].Score < grades[weakest].Score ? i : weakest;
        }

        if (grades[weakest].Level == EvidenceLevel.Strong)
        {
            return $"Every model is strong; to polish it, lead with the customer result in your first sentence and keep "
                + $"{grades[weakest].Name} as specific as it is now.";
        }

        return evidence[weakest].Tip;
    }
}
