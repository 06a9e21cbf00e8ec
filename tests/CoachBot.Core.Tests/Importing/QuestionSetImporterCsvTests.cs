using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>CSV imports: questions only, into an existing set; problems at the row's line and the cell's column number.</summary>
public sealed class QuestionSetImporterCsvTests
{
    private const string Header = "id,text,type,targetModels,hints,weakAnswer,strongAnswer,enabled";

    private static QuestionSetImporter CreateSut() => new(new StudyDocumentParser());

    private static ImportResult Import(string csv, QuestionSet? existing = null) =>
        CreateSut().Import(csv, QuestionSetFormat.Csv, new ImportContext("questions.csv", ExistingSet: existing ?? ImportTestData.Seed()));

    [Fact]
    public void Import_Rows_ReplaceTheQuestionsOfACopyOfTheExistingSet()
    {
        var existing = ImportTestData.Seed();
        var csv = Header + "\n"
            + "c1,\"Why does trust matter?\",concept,customer-first-security;scale-thinking,Think of Prime|Think of AWS,,,\n"
            + "c2,\"Balance \"\"speed\"\" and safety, please\",Trade-Off,,,\"weak, short\",\"strong\nover two lines\",no\n";

        var result = Import(csv, existing);

        Assert.Empty(result.Problems);
        var set = result.Set!;
        Assert.Equal((existing.Id, existing.Title, "questions.csv"), (set.Id, set.Title, set.Source));
        Assert.Same(existing.Models, set.Models);
        Assert.Same(existing.SuccessCriteria, set.SuccessCriteria);
        Assert.Equal(4, existing.Questions.Count);
        var (first, second) = (set.Questions[0], set.Questions[1]);
        Assert.Equal(("c1", "Why does trust matter?", QuestionType.Concept, true), (first.Id, first.Text, first.Type, first.Enabled));
        Assert.Equal(new[] { "customer-first-security", "scale-thinking" }, first.TargetModels);
        Assert.Equal(new[] { "Think of Prime", "Think of AWS" }, first.Hints);
        Assert.Equal((null, null), (first.GenericAnswer, first.StrongAnswer));
        Assert.Equal(("Balance \"speed\" and safety, please", QuestionType.TradeOff, false), (second.Text, second.Type, second.Enabled));
        Assert.Equal(("weak, short", "strong\nover two lines"), (second.GenericAnswer, second.StrongAnswer));
    }

    [Fact]
    public void Import_ColumnsInAnyOrderWithOnlyIdAndTextAndCrLf_Works()
    {
        var set = Import("Text,ID\r\nWhy?,a1\r\n\r\nHow?,a2\r\n").Set!;

        Assert.Equal(new[] { ("a1", "Why?", QuestionType.Concept, true), ("a2", "How?", QuestionType.Concept, true) },
            set.Questions.Select(q => (q.Id, q.Text, q.Type, q.Enabled)).ToArray());
    }

    [Fact]
    public void Import_SetIdGiven_RenamesTheCopy()
    {
        var result = CreateSut().Import("id,text\nq1,Why?", QuestionSetFormat.Csv, new ImportContext("q.csv", "copy", ImportTestData.Seed()));

        Assert.Equal("copy", result.Set!.Id);
    }

    [Fact]
    public void Import_WithoutAnExistingSet_FailsAtLineOne()
    {
        var result = CreateSut().Import("id,text\nq1,Why?", QuestionSetFormat.Csv, new ImportContext("q.csv"));

        Assert.Equal(
            "line 1: A CSV holds questions only: import it into an existing set (name the set).",
            ImportAssert.SingleError(result).ToString());
    }

    [Fact]
    public void Import_MissingTextColumn_FailsOnLineOneNamingIt()
    {
        var error = ImportAssert.SingleError(Import("id,type\nq1,concept\n"));

        Assert.Equal("line 1: missing required column 'text'", error.ToString());
    }

    [Fact]
    public void Import_UnclosedQuote_FailsAtTheCellWhereItOpened()
    {
        var error = ImportAssert.SingleError(Import("id,text,weakAnswer\nq1,Why?,ok\nq2,\"How\nwould you,x\nq3,Who?,y\n"));

        Assert.Equal("line 3, column 2: the quote that opens this cell is never closed (the file ends inside it)", error.ToString());
    }

    [Fact]
    public void Import_QuoteInsideAnUnquotedCell_Fails()
    {
        var error = ImportAssert.SingleError(Import("id,text\nq1,The \"best\" answer\n"));

        Assert.Equal(2, error.Line);
        Assert.Equal(2, error.Column);
        Assert.StartsWith("a quote inside an unquoted cell", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadEnabledValue_FailsAtTheCell()
    {
        var error = ImportAssert.SingleError(Import(Header + "\nq1,Why?,,,,,,yes\nq2,How?,,,,,,maybe\n"));

        Assert.Equal("line 3, column 8 (questions[1].enabled): expected true, false, yes, no, 1 or 0, got \"maybe\"", error.ToString());
    }

    [Fact]
    public void Import_BadType_FailsAtTheCell()
    {
        var error = ImportAssert.SingleError(Import("text,type,id\nWhy?,essay,q1\n"));

        Assert.Equal(
            "line 2, column 2 (questions[0].type): expected one of concept, example-story, trade-off, scenario, got \"essay\"",
            error.ToString());
    }

    [Fact]
    public void Import_UnknownTargetModel_FailsAtTheCell()
    {
        var error = ImportAssert.SingleError(Import("id,targetModels,text\nq1,scale-thinking|no-such-model,Why?\n"));

        Assert.Equal((2, 2, "questions[0].targetModels[1]"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("unknown mental model 'no-such-model'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DuplicateIdsAfterAMultiLineRow_FailAtTheRightLine()
    {
        var error = ImportAssert.SingleError(Import("id,text\nq1,\"Line one\nline two\"\nQ1,Again?\n"));

        Assert.Equal("line 4, column 1 (questions[1].id): duplicate question id 'Q1' (also questions[0])", error.ToString());
    }

    [Fact]
    public void Import_RowWithTooFewCells_FailsAtItsLine()
    {
        var error = ImportAssert.SingleError(Import("id,text,type\nq1,Why?\n"));

        Assert.Equal("line 2 (questions[0]): this row has 2 cells; the header has 3", error.ToString());
    }

    [Fact]
    public void Import_HeaderOnly_FailsForNoQuestions()
    {
        var error = ImportAssert.SingleError(Import("id,text\n"));

        Assert.Equal("line 1, column 1 (questions): a set needs at least one question", error.ToString());
    }

    [Fact]
    public void Import_EmptyFile_Fails()
    {
        var error = ImportAssert.SingleError(Import(string.Empty));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownColumn_WarnsAndImports()
    {
        var result = Import("id,text,notes\nq1,Why?,remember this\n");

        Assert.True(result.Succeeded);
        Assert.Equal("line 1, column 3: unknown column 'notes' (ignored)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Import_RepeatedColumn_Fails()
    {
        var error = ImportAssert.SingleError(Import("id,text,ID\nq1,Why?,q2\n"));

        Assert.Equal("line 1, column 3: column 'id' appears twice (also column 1)", error.ToString());
    }

    [Fact]
    public void Import_ManyProblems_AreAllReportedInLineOrder()
    {
        var result = Import(Header + "\nq1,,essay,,,,,\nq1,How?,,nope,,,,2\n");

        Assert.Null(result.Set);
        Assert.Equal(
            new[] { "questions[0].text", "questions[0].type", "questions[1].id", "questions[1].targetModels[0]", "questions[1].enabled" },
            result.Errors.Select(e => e.Path).ToArray());
    }

    [Fact]
    public void Import_FailedImport_LeavesTheExistingSetAsItWas()
    {
        var existing = ImportTestData.Seed();

        _ = Import("id,text\nq1,\"unclosed\n", existing);
        _ = Import("id,text\nq1,Why?\n", existing);

        Assert.True(QuestionSetComparer.ContentEquals(ImportTestData.Seed(), existing));
        Assert.Equal(4, existing.Questions.Count);
    }
}
