using CoachBot.Core.Admin;
using CoachBot.Core.Admin.Commands;
using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Admin.Commands;

public sealed class AdminMessagesTests
{
    [Fact]
    public void Result_WithProblems_ListsEachWithItsLineColumnAndPath()
    {
        var result = AdminResult<int>.Invalid("Nothing was imported: the document has 2 problems.",
        [
            new ImportProblem(ImportSeverity.Error, 11, 3, "invalid JSON") { Path = "questions" },
            new ImportProblem(ImportSeverity.Warning, 4, null, "ignored mental model"),
            AdminProblems.Field("name", "a name is required"),
        ]);

        var text = AdminMessages.Result(result).ToPlainText();

        Assert.Equal(
            "Nothing was imported: the document has 2 problems.\n" +
            "- line 11, column 3: invalid JSON (questions)\n" +
            "- line 4 (warning): ignored mental model\n" +
            "- name: a name is required",
            text);
    }

    [Fact]
    public void Result_WithoutProblems_IsItsSentence() =>
        Assert.Equal("Done.", AdminMessages.Result(AdminResult<int>.Ok(1, "Done.")).ToPlainText());
}
