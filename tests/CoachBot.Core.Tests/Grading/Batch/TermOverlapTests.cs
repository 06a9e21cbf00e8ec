using CoachBot.Core.Grading.Batch;

namespace CoachBot.Core.Tests.Grading.Batch;

public sealed class TermOverlapTests
{
    [Theory]
    [InlineData("security", "securty", true)]      // deletion
    [InlineData("customer", "custmoer", true)]     // neighbours swapped
    [InlineData("trust", "trusts", true)]          // insertion
    [InlineData("balance", "balanse", true)]       // substitution
    [InlineData("relate", "create", false)]        // two edits
    [InlineData("scale", "scale", false)]          // equal is not a typo
    [InlineData("fast", "fist", false)]            // too short to forgive typos
    public void IsOneTypoApart_Pairs_AcceptsOnlyOneEditOnLongWords(string x, string y, bool expected)
    {
        Assert.Equal(expected, TermOverlap.IsOneTypoApart(x, y));
        Assert.Equal(expected, TermOverlap.IsOneTypoApart(y, x));
    }

    [Fact]
    public void Dice_SharedTermsIncludingATypo_IsTwiceTheSharedOverTheTotal()
    {
        Assert.Equal(0.8, TermOverlap.Dice(["security", "relate", "custom"], ["securty", "custom"]));
        Assert.Equal(0, TermOverlap.Dice([], ["custom"]));
    }

    [Fact]
    public void Shared_ExactPartnerIsNotTakenByATypo()
    {
        // "trusts" is one typo from both; taking "trust" would leave "trust" without a partner.
        Assert.Equal(2, TermOverlap.Shared(["trusts", "trust"], ["trust", "trustes"]));
    }
}
