using CoachBot.Admin.Web.Charts;
using CoachBot.Core.Admin;

namespace CoachBot.Tests.Admin.Web.Charts;

public sealed class TrendChartTests
{
    private static readonly DateOnly First = new(2026, 11, 1);

    [Fact]
    public void Build_ADayWithoutAnswers_BreaksTheLineThere()
    {
        var chart = TrendChart.Build(Trend(4, new ModelSeries("scale", "Scale Thinking", [100, null, 50, 0], 50)));

        var series = Assert.Single(chart.Series);
        Assert.Equal(3, series.Points.Count);
        Assert.Equal("M44 16 M476 148 L692 280", series.PathData);
        Assert.Equal([First, First.AddDays(2), First.AddDays(3)], series.Points.Select(p => p.Day));
    }

    [Fact]
    public void Build_OneDay_PutsItsPointInTheMiddle()
    {
        var chart = TrendChart.Build(Trend(1, new ModelSeries("scale", "Scale Thinking", [75], 75)));

        var point = Assert.Single(Assert.Single(chart.Series).Points);
        Assert.Equal((TrendChart.Left + TrendChart.Right) / 2.0, point.X);
        Assert.Equal(TrendChart.Bottom - ((TrendChart.Bottom - TrendChart.Top) * 0.75), point.Y);
        Assert.Equal(["Nov 1"], chart.XTicks.Select(t => t.Label));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(366)]
    public void Build_LabelsTheFirstAndLastDay_AndAtMostSevenDays(int days)
    {
        var chart = TrendChart.Build(Trend(days, new ModelSeries("scale", "Scale Thinking", [.. Enumerable.Repeat<double?>(null, days)], null)));

        Assert.InRange(chart.XTicks.Count, 2, 7);
        Assert.Equal(TrendChart.Day(First), chart.XTicks[0].Label);
        Assert.Equal(TrendChart.Day(First.AddDays(days - 1)), chart.XTicks[^1].Label);
        Assert.Equal(chart.XTicks.Count, chart.XTicks.Select(t => t.Position).Distinct().Count());
        Assert.Equal(["0", "25", "50", "75", "100"], chart.YTicks.Select(t => t.Label));
    }

    [Fact]
    public void Build_DescribesEveryModelsOverallScoreForScreenReaders()
    {
        var chart = TrendChart.Build(Trend(2,
            new ModelSeries("cfs", "Customer-First Security", [80, 90], 85.25),
            new ModelSeries("scale", "Scale Thinking", [null, null], null)));

        Assert.Equal("Class average per mental model, Customer trust", chart.Title);
        Assert.Equal(
            "Line chart of the daily class average score (0 to 100) of each of 2 mental models, Nov 1 to Nov 2, from 6 graded answers. "
            + "Customer-First Security: 85.3 overall; Scale Thinking: no answers.",
            chart.Description);
        Assert.Equal([0, 1], chart.Series.Select(s => s.Index));
        Assert.Equal(string.Empty, chart.Series[1].PathData);
    }

    private static ModelTrend Trend(int days, params ModelSeries[] series) =>
        new("trust", "Customer trust", null, [.. Enumerable.Range(0, days).Select(First.AddDays)], series, 6);
}
