using CoachBot.Core.Grading.Rubric;

namespace CoachBot.Core.Tests.Grading;

/// <summary>The grader's text helpers: sentence splitting, figures, evidence formatting, stemming.</summary>
public class RubricTextTests
{
    private static List<string> Sentences(string text) =>
        SentenceSplitter.Sentences(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    [Fact]
    public void Sentences_AbbreviationsAndDecimals_DoNotSplit()
    {
        var sentences = Sentences("We cut takeovers 40%, e.g. from 1.2% to 0.7%. Customers noticed! Did it last? Yes.");

        Assert.Equal(["We cut takeovers 40%, e.g. from 1.2% to 0.7%.", "Customers noticed!", "Did it last?", "Yes."], sentences);
    }

    [Fact]
    public void Sentences_BulletsAndNumberedLines_AreSeparateSentencesWithoutMarkers()
    {
        var sentences = Sentences("Three things:\n- Risk-based prompts\n* Safe defaults\n1. Measure conversion\n2) Tune weekly");

        Assert.Equal(["Three things:", "Risk-based prompts", "Safe defaults", "Measure conversion", "Tune weekly"], sentences);
    }

    [Fact]
    public void Clauses_CommasBetweenDigits_DoNotSplit()
    {
        const string text = "Losses fell from $1,200 to $800; customers stayed, and teams shipped.";
        var clauses = SentenceSplitter.Clauses(text, new AnswerSpan(0, text.Length)).Select(c => text.Substring(c.Start, c.Length));

        Assert.Equal(["Losses fell from $1,200 to $800", "customers stayed", "and teams shipped."], clauses);
    }

    [Theory]
    [InlineData("cut takeovers 40% (from 1.2% to 0.7%)", 3)]
    [InlineData("$18M to $11.7M", 2)]
    [InlineData("200M+ customers", 1)]
    [InlineData("fell by about a quarter", 1)]
    [InlineData("in 2023 we enabled 2FA and 3-D Secure 24/7", 0)]
    public void Find_Figures_CountsRealFiguresAndIgnoresYearsAndNames(string text, int expected)
    {
        var found = QuantityFinder.Find(text, new AnswerSpan(0, text.Length));

        Assert.Equal(expected, found.Count(q => q.Kind == QuantityKind.Figure));
    }

    [Theory]
    [InlineData("$X billion in customer losses")]
    [InlineData("cut fraud by N%")]
    public void Find_Placeholders_AreRecognised(string text)
    {
        var found = QuantityFinder.Find(text, new AnswerSpan(0, text.Length));

        Assert.Contains(found, q => q.Kind == QuantityKind.Placeholder);
        Assert.DoesNotContain(found, q => q.Kind == QuantityKind.Figure);
    }

    [Fact]
    public void Format_ShortText_IsTrimmedVerbatim()
    {
        Assert.Equal("customers keep trusting us", EvidenceFormatter.Format("  customers keep trusting us, "));
    }

    [Fact]
    public void Format_LongText_CutsAtWordBoundaryWithEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("customers", 30));

        var formatted = EvidenceFormatter.Format(text);

        Assert.True(formatted.Length <= EvidenceFormatter.MaxLength);
        Assert.EndsWith("customers\u2026", formatted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers", "custom")]
    [InlineData("customer", "custom")]
    [InlineData("runbooks", "runbook")]
    [InlineData("policies", "policy")]
    [InlineData("trust", "trust")]
    public void Stem_CommonSuffixes_AreStripped(string word, string stem)
    {
        Assert.Equal(stem, EnglishWords.Stem(word));
    }
}
