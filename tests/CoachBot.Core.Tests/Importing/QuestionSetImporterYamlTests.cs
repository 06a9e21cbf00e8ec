using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>YAML imports: the same document as JSON, YAML's own syntax and typing, problems at their line and column.</summary>
public sealed class QuestionSetImporterYamlTests
{
    private static readonly ImportContext Context = new("sre.yaml");

    private static QuestionSetImporter CreateSut() => new(new StudyDocumentParser());

    private static ImportResult Import(string yaml) => CreateSut().Import(yaml, QuestionSetFormat.Yaml, Context);

    [Fact]
    public void Import_ValidDocument_GivesTheSameSetAsTheJsonDocument()
    {
        var yaml = Import(ImportTestData.Yaml());
        var json = CreateSut().Import(ImportTestData.Json(), QuestionSetFormat.Json, Context);

        Assert.Empty(yaml.Problems);
        Assert.True(QuestionSetComparer.ContentEquals(json.Set, yaml.Set));
        Assert.Equal(new[] { "error-budgets" }, yaml.Set!.Questions[0].TargetModels);
    }

    [Fact]
    public void Import_BlockScalars_KeepTheirLines()
    {
        var yaml = ImportTestData.Yaml() + "\n    strongAnswer: |\n      First line\n        indented\n\n      last\n    weakAnswer: >\n      folded\n      text\n";

        var question = Import(yaml).Set!.Questions[1];

        Assert.Equal("First line\n  indented\n\nlast\n", question.StrongAnswer);
        Assert.Equal("folded text\n", question.GenericAnswer);
    }

    [Fact]
    public void Import_SyntaxError_FailsAtTheParsersPosition()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.YamlWith(10, "    text: \"What is an SLO?")));

        Assert.Equal(10, error.Line);
        Assert.Equal(11, error.Column);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("quoted scalar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadIndentation_FailsAtTheLine()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.YamlWith(5, "   name: Error Budgets")));

        Assert.Equal(5, error.Line);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_QuestionsAsText_FailsAtTheValue()
    {
        var yaml = string.Join('\n', ImportTestData.YamlLines.Take(7).Append("questions: What is an SLO?"));

        var error = ImportAssert.SingleError(Import(yaml));

        Assert.Equal("line 8, column 12 (questions): expected an array, got a string", error.ToString());
    }

    [Fact]
    public void Import_UnquotedNumberAsTitle_AsksForQuotes()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.YamlWith(2, "title: 2024")));

        Assert.Equal("line 2, column 8 (title): expected a string, got the number 2024 (put it in quotes)", error.ToString());
    }

    [Fact]
    public void Import_QuotedNumberAsTitle_IsAString()
    {
        Assert.Equal("2024", Import(ImportTestData.YamlWith(2, "title: '2024'")).Set!.Title);
    }

    [Theory]
    [InlineData("enabled: false", false)]
    [InlineData("enabled: True", true)]
    public void Import_BooleanLiterals_AreRead(string line, bool expected)
    {
        Assert.Equal(expected, Import(ImportTestData.Yaml() + "\n    " + line).Set!.Questions[1].Enabled);
    }

    [Fact]
    public void Import_EnabledYes_IsNotABooleanInYaml12()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.Yaml() + "\n    enabled: yes"));

        Assert.Equal("line 16, column 14 (questions[1].enabled): expected true or false, got \"yes\"", error.ToString());
    }

    [Fact]
    public void Import_BadType_FailsAtTheValue()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.YamlWith(15, "    type: essay")));

        Assert.Equal(
            "line 15, column 11 (questions[1].type): expected one of concept, example-story, trade-off, scenario, got \"essay\"",
            error.ToString());
    }

    [Fact]
    public void Import_DuplicateKey_FailsAtTheSecond()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.YamlWith(15, "    id: q3")));

        Assert.Equal("line 15, column 5 (questions[1].id): duplicate property 'id' (first on line 13)", error.ToString());
    }

    [Fact]
    public void Import_Alias_IsRefused()
    {
        var yaml = ImportTestData.Yaml().Replace("  - slug: toil\n    name: Toil", "  - *budgets", StringComparison.Ordinal)
            .Replace("  - slug: error-budgets", "  - &budgets\n    slug: error-budgets", StringComparison.Ordinal);

        var result = Import(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("line 7, column 5: aliases (*budgets) are not supported: write the value out", error.ToString());
        Assert.Null(result.Set);
    }

    [Fact]
    public void Import_TwoDocuments_FailsAtTheSecond()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.Yaml() + "\n---\nid: other"));

        Assert.Equal(16, error.Line);
        Assert.Contains("only one YAML document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_EmptyOrCommentOnly_FailsAtLineOne()
    {
        var error = ImportAssert.SingleError(Import("# nothing here\n"));

        Assert.Equal("line 1, column 1: the document is empty", error.ToString());
    }

    [Fact]
    public void Import_RootIsAList_Fails()
    {
        var error = ImportAssert.SingleError(Import("- id: q1\n  text: Why?"));

        Assert.Equal("line 1, column 1: expected an object, got an array", error.ToString());
    }

    [Fact]
    public void Import_UnknownKeyAndWindowsLineEnds_WarnsAtItsLine()
    {
        var yaml = ImportTestData.YamlWith(2, "title: SRE prep\ncolour: red").Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Import(yaml);

        Assert.True(result.Succeeded);
        Assert.Equal("line 3, column 1 (colour): unknown property 'colour' (ignored)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Import_DeeplyNestedDocument_FailsWithoutThrowing()
    {
        var yaml = "title: " + new string('[', 500) + new string(']', 500);

        var error = ImportAssert.SingleError(Import(yaml));

        Assert.Equal(1, error.Line);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- [\n|{{textmodels", 1)]
    [InlineData("!!str]\n!text!!str---- }", 7)] // a tag that is not a URI
    public void Import_InputThatTripsTheYamlScanner_FailsWithoutThrowing(string yaml, int column)
    {
        var error = ImportAssert.SingleError(Import(yaml));

        Assert.Equal($"line 1, column {column}: invalid YAML: the text after this point cannot be read", error.ToString());
    }
}
