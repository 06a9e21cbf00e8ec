namespace CoachBot.Core.Tests.Grading;

public class RankCorrelationTests
{
    [Fact]
    public void AverageRanks_Ties_ShareTheAverageRank()
    {
        var ranks = RankCorrelation.AverageRanks([10, 20, 20, 30]);

        Assert.Equal([1, 2.5, 2.5, 4], ranks);
    }

    [Fact]
    public void Spearman_MonotonicSeries_IsOne()
    {
        Assert.Equal(1.0, RankCorrelation.Spearman([1, 2, 3, 4], [10, 40, 90, 160]), 9);
    }

    [Fact]
    public void Spearman_ReversedSeries_IsMinusOne()
    {
        Assert.Equal(-1.0, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 9);
    }

    [Fact]
    public void Spearman_KnownTiedExample_MatchesHandComputation()
    {
        // x ranks: 1, 2.5, 2.5, 4; y ranks: 1, 2, 3, 4 → Pearson = 4.5 / sqrt(4.5 * 5).
        var expected = 4.5 / Math.Sqrt(4.5 * 5);

        Assert.Equal(expected, RankCorrelation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 9);
    }
}
