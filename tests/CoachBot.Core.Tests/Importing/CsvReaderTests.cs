using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Importing;

/// <summary>The RFC 4180 reader on its own: cells, quotes and the lines records start on.</summary>
public sealed class CsvReaderTests
{
    private static (List<CsvRecord>? Records, List<ImportProblem> Problems) Read(string text)
    {
        var problems = new List<ImportProblem>();
        return (CsvReader.Read(text, problems), problems);
    }

    private static string[][] Cells(List<CsvRecord>? records) =>
        records!.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray();

    [Fact]
    public void Read_QuotedCells_KeepCommasDoubledQuotesAndLineBreaks()
    {
        var (records, problems) = Read("a,\"b, c\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,,\"\"\n");

        Assert.Empty(problems);
        Assert.Equal(new[] { new[] { "a", "b, c", "say \"hi\"", "two\r\nlines" }, new[] { "x", string.Empty, string.Empty } }, Cells(records));
        Assert.Equal(new[] { 1, 3 }, records!.Select(r => r.Line).ToArray());
    }

    [Theory]
    [InlineData("a,b\nc,d")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\n\n\nc,d\n\n")]
    public void Read_AnyLineEnding_GivesTheSameRecords(string text)
    {
        Assert.Equal(new[] { new[] { "a", "b" }, new[] { "c", "d" } }, Cells(Read(text).Records));
    }

    [Fact]
    public void Read_BlankLinesBetweenRecords_AreSkippedButCounted()
    {
        var records = Read("a\n\n\"b\nb\"\n\nc").Records!;

        Assert.Equal(new[] { 1, 3, 6 }, records.Select(r => r.Line).ToArray());
        Assert.Equal("b\nb", records[1].Cells[0].Text);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportsTheLineAndCellItOpened()
    {
        var (records, problems) = Read("a,b\nc,\"d\ne\nf");

        Assert.Null(records);
        Assert.Equal((2, (int?)2), (Assert.Single(problems).Line, problems[0].Column));
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsAnErrorAndReadingGoesOn()
    {
        var (records, problems) = Read("\"a\"b,c\nd,e\"f\ng,h");

        Assert.Null(records);
        Assert.Equal(new (int, int?)[] { (1, 1), (2, 2) }, problems.Select(p => (p.Line, p.Column)).ToArray());
    }
}
