namespace CoachBot.Core.Grading.Rubric;

/// <summary>The flags raised for an answer and the limits they impose.</summary>
/// <param name="Flags">Flags in a fixed order (see <see cref="GradeFlags"/>).</param>
/// <param name="OverallCap">Maximum overall score.</param>
/// <param name="ModelCap">Maximum score for any single model.</param>
/// <param name="RemoveQuantifiedCredit">True when figures are not tied to any result.</param>
internal sealed record FlagAssessment(IReadOnlyList<string> Flags, int OverallCap, int ModelCap, bool RemoveQuantifiedCredit)
{
    public bool Has(string flag) => Flags.Contains(flag, StringComparer.Ordinal);
}

/// <summary>Everything the flag detector looks at.</summary>
/// <param name="Full">The whole answer, including sentences addressed to the grader.</param>
/// <param name="Scored">The answer without those sentences.</param>
/// <param name="InjectedSentences">How many sentences were addressed to the grader.</param>
/// <param name="Signals">Surface statistics of <paramref name="Full"/>.</param>
/// <param name="Impact">Quantified-impact analysis of <paramref name="Scored"/>.</param>
/// <param name="ModelScores">Raw model scores.</param>
internal sealed record FlagInput(
    AnswerText Full, AnswerText Scored, int InjectedSentences, AnswerSignals Signals, ImpactReport Impact, IReadOnlyList<int> ModelScores);

/// <summary>Raises flags and their caps. Caps never raise a score; the lowest applicable cap wins.</summary>
internal static class FlagDetector
{
    public const int TooShortWords = 8;
    public const int TooShortCap = 20;
    public const int GenericCap = 30;
    public const int StuffingCap = 30;
    public const int InjectionCap = 10;
    public const int OffTopicCap = 15;
    public const int LanguageCap = 20;
    public const int RandomFiguresCap = 30;

    public static FlagAssessment Detect(FlagInput input)
    {
        var flags = new List<string>();
        var cap = 100;
        var modelCap = 100;
        var s = input.Signals;

        var unsupported = IsUnsupportedLanguage(input.Full, s);
        if (unsupported)
        {
            Raise(GradeFlags.UnsupportedLanguage, LanguageCap);
        }

        if (input.InjectedSentences > 0)
        {
            Raise(GradeFlags.PromptInjection, InjectionCap);
        }

        if (unsupported)
        {
            return new FlagAssessment(flags, cap, modelCap, false);
        }

        var onTopic = DomainVocabulary.IsOnTopic(input.Scored);
        var offTopic = input.Scored.WordCount >= TooShortWords && !onTopic;
        if (offTopic)
        {
            Raise(GradeFlags.OffTopic, OffTopicCap);
        }

        if (input.Full.WordCount < TooShortWords)
        {
            Raise(GradeFlags.TooShort, TooShortCap);
            modelCap = Math.Min(modelCap, 45);
        }

        var stuffing = s.Words >= 5
            && ((s.StopRatio < 0.15 && s.RubricGroups >= 4)
                || (s.ListShaped && s.StopRatio < 0.2 && s.RubricGroups >= 2)
                || (s.RubricTokenRatio >= 0.55 && s.StopRatio < 0.2 && s.Words >= 6)
                || (s.RubricGroups >= 5 && s.CausalLinks == 0 && s.RubricTokenRatio >= 0.3)
                || s.Repetitive);
        if (stuffing)
        {
            Raise(GradeFlags.KeywordStuffing, StuffingCap);
            modelCap = Math.Min(modelCap, 30);
        }

        var customerFramed = input.Scored.Units.Any(u => DomainVocabulary.Customer.MatchesIn(input.Scored, u));
        var nothingSpecific = input.ModelScores.Count > 0 && input.ModelScores.All(m => m < 20) && s.Words >= TooShortWords;
        if (!stuffing && !offTopic && s.Words > 0 && ((s.Platitudes > 0 && !customerFramed) || (nothingSpecific && onTopic)))
        {
            Raise(GradeFlags.Generic, GenericCap);
        }

        var figures = input.Impact.FigureCount;
        var meaningless = figures > 0 && !input.Impact.TiedToResult;
        if (meaningless)
        {
            var dense = figures >= 3 && figures >= 0.12 * Math.Max(1, input.Scored.WordCount);
            Raise(GradeFlags.NumbersWithoutMeaning, dense ? RandomFiguresCap : 100);
        }

        return new FlagAssessment(flags, cap, modelCap, meaningless);

        void Raise(string flag, int flagCap)
        {
            flags.Add(flag);
            cap = Math.Min(cap, flagCap);
        }
    }

    private static bool IsUnsupportedLanguage(AnswerText full, AnswerSignals s)
    {
        if (s.Letters >= 6 && s.NonAsciiLetterRatio > 0.5)
        {
            return true;
        }

        return full.WordCount >= TooShortWords && s.StopRatio < 0.05 && s.RubricTokenRatio < 0.25 && !s.ListShaped;
    }
}
