using CoachBot.Core.Grading;
using CoachBot.Grading;

namespace CoachBot.Tests.Grading;

public sealed class GradeArgumentsTests
{
    [Fact]
    public void Parse_NoArguments_LeavesEveryChoiceToConfiguration()
    {
        var parsed = GradeArguments.Parse([]);

        Assert.Equal(new GradeArguments { HostArgs = parsed.HostArgs }, parsed);
        Assert.Empty(parsed.HostArgs);
    }

    [Fact]
    public void Parse_EveryOption_WithSpaceOrEqualsSign()
    {
        var parsed = GradeArguments.Parse(["--set", "my-set", "--grader=LLM", "--input", "answers.jsonl"]);

        Assert.Null(parsed.Error);
        Assert.Equal("my-set", parsed.SetId);
        Assert.Equal(GraderKind.Llm, parsed.Grader);
        Assert.Equal("answers.jsonl", parsed.InputPath);
    }

    [Fact]
    public void Parse_ConfigurationOverrides_PassThroughToTheHostUnchanged()
    {
        string[] args = ["--ConnectionStrings:CoachBot", "Data Source=x.db", "Practice:MaxAnswerLength=300", "--Grading:Provider=rubric", "--environment", "Development"];

        var parsed = GradeArguments.Parse(["--grader", "rubric", .. args]);

        Assert.Null(parsed.Error);
        Assert.Equal(args, parsed.HostArgs);
    }

    [Theory]
    [InlineData("--verbose", "unknown option '--verbose'")]
    [InlineData("answers.jsonl", "unexpected argument 'answers.jsonl'")]
    [InlineData("--set", "--set needs a value")]
    [InlineData("--set --grader rubric", "--set needs a value")]
    [InlineData("--set=", "--set needs a value")]
    [InlineData("--grader gpt-4", "--grader must be rubric or llm, not 'gpt-4'")]
    [InlineData("--input a.jsonl --input b.jsonl", "--input is given more than once")]
    [InlineData("--Practice:MaxAnswerLength", "--Practice:MaxAnswerLength needs a value")]
    public void Parse_UsageError_NamesTheProblem(string args, string expected)
    {
        Assert.Equal(expected, GradeArguments.Parse(args.Split(' ')).Error);
    }

    [Fact]
    public void Parse_Help_WinsOverUsageErrors()
    {
        var parsed = GradeArguments.Parse(["--verbose", "-h"]);

        Assert.True(parsed.Help);
        Assert.Null(parsed.Error);
    }
}
