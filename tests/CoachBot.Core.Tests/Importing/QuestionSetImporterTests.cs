using System.Text;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>The importer's own work: Markdown through it, bytes (size, UTF-8), result shape. Formats have their own files.</summary>
public sealed class QuestionSetImporterTests
{
    private static readonly ImportContext Context = new("upload");

    private static QuestionSetImporter CreateSut() => new(new StudyDocumentParser());

    [Fact]
    public void Import_SeedDocumentBytes_GivesThreeCommonQuestionsOneScenarioFourModelsFiveCriteria()
    {
        var bytes = File.ReadAllBytes(SeedDocument.Path);

        var result = CreateSut().Import(bytes, QuestionSetFormat.Markdown, new ImportContext(ImportTestData.SeedSource, "amazon-customer-trust"));

        var set = Assert.IsType<QuestionSet>(result.Set);
        Assert.Empty(result.Errors);
        Assert.Equal(
            new[] { QuestionType.Concept, QuestionType.ExampleStory, QuestionType.TradeOff, QuestionType.Scenario },
            set.Questions.Select(q => q.Type).ToArray());
        Assert.Equal(4, set.Models.Count);
        Assert.Equal(5, set.SuccessCriteria.Count);
        Assert.Equal("amazon-customer-trust", set.Id);
        Assert.True(QuestionSetComparer.ContentEquals(ImportTestData.Seed(), set));
    }

    [Fact]
    public void Import_SeedDocument_HasNoMojibakeOrReplacementCharacterAnywhere()
    {
        var set = CreateSut().Import(File.ReadAllBytes(SeedDocument.Path), QuestionSetFormat.Markdown, Context).Set!;

        var text = string.Join('\n', ImportTestData.AllText(set));

        Assert.False(MojibakeRepair.LooksLikeMojibake(text));
        Assert.DoesNotContain('\uFFFD', text);
        Assert.DoesNotContain('\uF8FF', text);
        Assert.Contains("Amazon's most valuable asset", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MarkdownWithoutQuestions_FailsAtTheQuestionsHeading()
    {
        const string doc = "# Title\n\n## Key Mental Models\n- **A**: a\n\n## Common Questions\n\n## Success Criteria\n- [ ] x\n";

        var result = CreateSut().Import(doc, QuestionSetFormat.Markdown, Context);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Errors);
        Assert.Equal("line 6: the questions list is empty", error.ToString());
    }

    [Fact]
    public void Import_MarkdownWithInvalidSetId_FailsWithTheIdPathAndNoLine()
    {
        var result = CreateSut().Import(File.ReadAllText(SeedDocument.Path), QuestionSetFormat.Markdown, new ImportContext("seed.md", "Amazon Trust"));

        Assert.Null(result.Set);
        var error = Assert.Single(result.Errors);
        Assert.Equal("id: 'Amazon Trust' is not a valid id: use 1–64 lowercase letters, digits and '-' (not at the start)", error.ToString());
    }

    [Fact]
    public void Import_FiveMegabyteFile_FailsAtLineOneWithTheSize()
    {
        var bytes = new byte[5 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');

        var result = CreateSut().Import(bytes, QuestionSetFormat.Json, Context);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Problems);
        Assert.Equal(new ImportProblem(ImportSeverity.Error, 1, null, "The file is 5.0 MB; the limit is 1 MB."), error);
    }

    [Fact]
    public void Import_FiveMegabyteString_FailsTheSameWay()
    {
        var text = "{\"title\": \"" + new string('x', 5 * 1024 * 1024 - 13) + "\"}";

        var result = CreateSut().Import(text, QuestionSetFormat.Json, Context);

        Assert.Equal("line 1: The file is 5.0 MB; the limit is 1 MB.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Import_ExactlyTheLimit_IsReadNotRefusedForSize()
    {
        var padding = new string(' ', QuestionSetImporter.MaxBytes - Encoding.UTF8.GetByteCount(ImportTestData.Json()));
        var bytes = Encoding.UTF8.GetBytes(ImportTestData.Json() + padding);

        var result = CreateSut().Import(bytes, QuestionSetFormat.Json, Context);

        Assert.Equal(QuestionSetImporter.MaxBytes, bytes.Length);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Import_InvalidUtf8_FailsAtTheLineAndColumnOfTheBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes(ImportTestData.Json()).ToList();
        var line3 = Encoding.UTF8.GetBytes(string.Join('\n', ImportTestData.JsonLines.Take(2)) + "\n  \"title\": \"SRE").Length;
        bytes.Insert(line3, 0xFF);

        var result = CreateSut().Import(bytes.ToArray(), QuestionSetFormat.Json, Context);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Problems);
        Assert.Equal(
            "line 3, column 16: the file is not valid UTF-8: byte 0xFF is not part of a character (save the file as UTF-8)",
            error.ToString());
    }

    [Fact]
    public void Import_InvalidUtf8OnSeveralLines_ReportsEachLine()
    {
        var bytes = "a\n\u00E9b\nc\nd"u8.ToArray();
        bytes[3] = 0xC3; // "é" is C3 A9: make it C3 C3, a truncated sequence
        var withSecond = bytes.Concat(new byte[] { (byte)'\n', 0x80 }).ToArray();

        var result = CreateSut().Import(withSecond, QuestionSetFormat.Csv, Context);

        Assert.Equal(new[] { 2, 5 }, result.Problems.Select(p => p.Line).ToArray());
    }

    [Fact]
    public void Import_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ImportTestData.Json())).ToArray();

        var result = CreateSut().Import(bytes, QuestionSetFormat.Json, Context);

        Assert.True(result.Succeeded);
        Assert.Equal("sre", result.Set!.Id);
    }

    [Fact]
    public void Import_NonAsciiBytes_DecodeToTheSameText()
    {
        var json = ImportTestData.JsonWith(3, "  \"title\": \"Zürich 🚀 prep\",");

        var result = CreateSut().Import(Encoding.UTF8.GetBytes(json), QuestionSetFormat.Json, Context);

        Assert.Equal("Zürich 🚀 prep", result.Set!.Title);
    }

    [Fact]
    public void Import_UnknownFormatValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Import("x", (QuestionSetFormat)42, Context));
    }

    [Theory]
    [InlineData(QuestionSetFormat.Json)]
    [InlineData(QuestionSetFormat.Yaml)]
    [InlineData(QuestionSetFormat.Csv)]
    public void Import_RandomGarbage_NeverThrowsAndNeverGivesASetWithErrors(QuestionSetFormat format)
    {
        var random = new Random(20240611);
        string[] tokens = ["{", "}", "[", "]", "\"", "'", ":", ",", "\n", "\r\n", "- ", "  ", "#", "&a", "*a", "|", ">", "---", "id", "questions", "text", "models", "slug", "title", "true", "1", "null", "\\", "\uFEFF", "\u0000", "é"];
        for (var i = 0; i < 300; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 50)).Select(_ => tokens[random.Next(tokens.Length)]));

            var result = CreateSut().Import(text, format, Context with { ExistingSet = ImportTestData.Seed() });

            Assert.Equal(result.Set is null, result.Errors.Count > 0);
        }
    }
}
