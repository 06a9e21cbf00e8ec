using CoachBot.Core.Admin.Commands;

namespace CoachBot.Core.Tests.Admin.Commands;

public sealed class ImportRequestTests
{
    [Theory]
    [InlineData("", null, false)]
    [InlineData("dry run", null, true)]
    [InlineData("set sre", "sre", false)]
    [InlineData("Set SRE Dry Run", "SRE", true)]
    [InlineData("dry-run set sre", "sre", true)]
    public void Parse_OptionsInAnyOrder(string arguments, string? setId, bool dryRun)
    {
        var sut = ImportRequest.Parse(arguments);

        Assert.Equal((setId, dryRun, string.Empty, (string?)null), (sut.SetId, sut.DryRun, sut.Pasted, sut.Error));
    }

    [Fact]
    public void Parse_LinesAfterTheFirst_AreThePastedMarkdown_AsTyped()
    {
        var sut = ImportRequest.Parse("dry run\r\n# Title\n\n- \"Why?\"\n");

        Assert.True(sut.DryRun);
        Assert.Equal("# Title\n\n- \"Why?\"", sut.Pasted);
    }

    [Fact]
    public void Parse_PastedWithoutOptions_StartsOnTheNextLine()
    {
        Assert.Equal("# Title", ImportRequest.Parse("\n# Title").Pasted);
    }

    [Theory]
    [InlineData("set", "Say which set: set <id>.")]
    [InlineData("# Title on the first line", "I didn't understand \"#\" (put pasted Markdown on the lines after the command).")]
    [InlineData("dry", "I didn't understand \"dry\" (put pasted Markdown on the lines after the command).")]
    public void Parse_UnreadableOptions_SayWhat(string arguments, string error) =>
        Assert.Equal(error, ImportRequest.Parse(arguments).Error);
}
