using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Importing;

public sealed class ImportProblemTests
{
    [Theory]
    [InlineData(12, 5, "questions[2].id", "line 12, column 5 (questions[2].id): duplicate")]
    [InlineData(12, null, "questions[2]", "line 12 (questions[2]): duplicate")]
    [InlineData(12, 5, null, "line 12, column 5: duplicate")]
    [InlineData(12, null, null, "line 12: duplicate")]
    [InlineData(0, null, "title", "title: duplicate")]
    [InlineData(0, 3, "title", "title: duplicate")]
    [InlineData(0, null, null, "duplicate")]
    public void ToString_ShowsPositionAndPathWhenKnown(int line, int? column, string? path, string expected)
    {
        var problem = new ImportProblem(ImportSeverity.Error, line, column, "duplicate") { Path = path };

        Assert.Equal(expected, problem.ToString());
    }

    [Fact]
    public void Path_TakesPartInEquality()
    {
        var problem = new ImportProblem(ImportSeverity.Error, 1, null, "x");

        Assert.NotEqual(problem, problem with { Path = "id" });
        Assert.Equal(problem with { Path = "id" }, problem with { Path = "id" });
    }
}
