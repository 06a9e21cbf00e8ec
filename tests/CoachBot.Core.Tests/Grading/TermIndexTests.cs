using System.Runtime.InteropServices;
using CoachBot.Core.Grading.Rubric;

namespace CoachBot.Core.Tests.Grading;

/// <summary>The one-pass trie over the built-in vocabulary must find exactly what each group finds on its own.</summary>
public class TermIndexTests
{
    private static readonly TermGroup[] BuiltInGroups =
    [
        DomainVocabulary.Customer, DomainVocabulary.People, DomainVocabulary.Trust, DomainVocabulary.Experience,
        DomainVocabulary.Journey, DomainVocabulary.SecurityAction, DomainVocabulary.CausalLink, DomainVocabulary.Business,
        ImpactAnalyzer.Result, ImpactAnalyzer.Change, ImpactAnalyzer.BusinessFrame,
        .. BuiltInLexicons.CustomerGroups, .. BuiltInLexicons.ScaleGroups, .. BuiltInLexicons.InnovationGroups,
    ];

    public static TheoryData<string> Answers()
    {
        var data = new TheoryData<string>();
        foreach (var answer in CalibrationSet.All)
        {
            data.Add(answer.Text);
        }

        data.Add("Zero trust builds trust; we earned customers' trust with 200m passkeys, 1.5bn checks and a self-service paved road.");
        data.Add("So many businesses, lots of places, on behalf of sellers: all of them got secure-by-default, one-time codes.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void Match_EveryBuiltInGroup_SameLengthsAsTheGroupAlone(string answer)
    {
        var tokens = CollectionsMarshal.AsSpan(Tokenizer.Tokenize(answer));

        var shared = TermIndex.Shared.Match(tokens);

        foreach (var group in BuiltInGroups)
        {
            Assert.True(TermIndex.Shared.TryGetRow(group, out var row), $"{group.Key} is not in the shared index.");
            Assert.Equal(group.MatchLengths(tokens), shared[row]);
        }
    }

    [Fact]
    public void Match_SomeTokens_RecordsEveryMatchingTermLength()
    {
        // Bit 1 = a two-word term: "hundreds of" for magnitude, "rely on" for trust; "zero trust" is not trust.
        var tokens = CollectionsMarshal.AsSpan(Tokenizer.Tokenize("Hundreds of customers rely on zero trust"));
        var shared = TermIndex.Shared.Match(tokens);

        Assert.True(TermIndex.Shared.TryGetRow(BuiltInLexicons.ScaleGroups[0], out var magnitude));
        Assert.True(TermIndex.Shared.TryGetRow(DomainVocabulary.Trust, out var trust));
        Assert.Equal(new byte[] { 0b10, 0, 0, 0, 0, 0, 0 }, shared[magnitude]);
        Assert.Equal(new byte[] { 0, 0, 0, 0b10, 0, 0, 0 }, shared[trust]);
    }
}
