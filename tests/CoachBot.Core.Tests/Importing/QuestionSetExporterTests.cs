using System.Text.Json;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>Exports: what the files look like, and that importing an export gives the same set back.</summary>
public sealed class QuestionSetExporterTests
{
    public static TheoryData<QuestionSetFormat> ExportFormats => new() { QuestionSetFormat.Json, QuestionSetFormat.Yaml };

    private static QuestionSetImporter CreateImporter() => new(new StudyDocumentParser());

    private static QuestionSet RoundTrip(QuestionSet set, QuestionSetFormat format)
    {
        var result = CreateImporter().Import(QuestionSetExporter.Export(set, format), format, new ImportContext("round-trip"));
        Assert.Empty(result.Problems);
        return result.Set!;
    }

    [Theory]
    [MemberData(nameof(ExportFormats))]
    public void Export_Seed_ImportsBackIdentical(QuestionSetFormat format)
    {
        var seed = ImportTestData.Seed();

        var back = RoundTrip(seed, format);

        Assert.True(QuestionSetComparer.ContentEquals(seed, back));
        Assert.Equal((seed.Source, seed.Version), (back.Source, back.Version));
        Assert.Equal(seed.Questions[3].StrongAnswer, back.Questions[3].StrongAnswer);
    }

    [Theory]
    [MemberData(nameof(ExportFormats))]
    public void Export_SetWithTrickyText_ImportsBackIdentical(QuestionSetFormat format)
    {
        var rich = ImportTestData.Rich();

        var back = RoundTrip(rich, format);

        Assert.True(QuestionSetComparer.ContentEquals(rich, back), QuestionSetExporter.Export(back, format));
        Assert.Equal((rich.Source, rich.Version), (back.Source, back.Version));
        Assert.False(back.Questions[2].Enabled);
        Assert.Equal("Windows\r\nline ends\r\n", back.Questions[2].GenericAnswer);
        Assert.Null(back.Questions[1].GenericAnswer);
        Assert.Equal(string.Empty, back.Questions[3].GenericAnswer);
    }

    [Theory]
    [MemberData(nameof(ExportFormats))]
    public void Export_IsStable_ExportingTheImportGivesTheSameText(QuestionSetFormat format)
    {
        var first = QuestionSetExporter.Export(ImportTestData.Rich(), format);

        var second = QuestionSetExporter.Export(RoundTrip(ImportTestData.Rich(), format), format);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ExportJson_NamesTheSchemaAndUsesCamelCase()
    {
        var json = QuestionSetExporter.Export(ImportTestData.Seed(), QuestionSetFormat.Json);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(QuestionSetSchema.Id, root.GetProperty("$schema").GetString());
        Assert.Equal(
            new[] { "$schema", "id", "title", "description", "source", "version", "models", "successCriteria", "questions" },
            root.EnumerateObject().Select(p => p.Name).ToArray());
        var scenario = root.GetProperty("questions")[3];
        Assert.Equal("scenario", scenario.GetProperty("type").GetString());
        Assert.Equal("Security protects data and prevents breaches", scenario.GetProperty("weakAnswer").GetString());
        Assert.False(root.GetProperty("questions")[0].TryGetProperty("weakAnswer", out _));
        Assert.Contains("\n  \"title\": \"Amazon-Specific Preparation - Customer Trust Focus\",\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportJson_KeepsNonAsciiTextAndQuotesReadable()
    {
        var json = QuestionSetExporter.Export(ImportTestData.Rich(), QuestionSetFormat.Json);

        Assert.Contains("Zürich Café ☕", json, StringComparison.Ordinal);
        Assert.Contains("中文, עברית", json, StringComparison.Ordinal);
        Assert.Contains("\"It's: small.\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportYaml_WritesMultiLineTextAsLiteralBlocksAndQuotesLookalikes()
    {
        var yaml = QuestionSetExporter.Export(ImportTestData.Rich(), QuestionSetFormat.Yaml);

        Assert.Contains("  strongAnswer: |-\n    Multi-line strong answer:\n    - point one\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- \"true\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- \"42\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- \"null\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- \"yes\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("enabled: false\n", yaml, StringComparison.Ordinal);
        Assert.StartsWith($"$schema: {QuestionSetSchema.Id}\nid: tricky-set\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportYaml_EmptyListsAreWrittenInline()
    {
        var yaml = QuestionSetExporter.Export(ImportTestData.Seed(), QuestionSetFormat.Yaml);

        Assert.Contains("  targetModels: []\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QuestionSetFormat.Markdown)]
    [InlineData(QuestionSetFormat.Csv)]
    public void Export_ImportOnlyFormat_Throws(QuestionSetFormat format)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionSetExporter.Export(ImportTestData.Seed(), format));
    }
}
