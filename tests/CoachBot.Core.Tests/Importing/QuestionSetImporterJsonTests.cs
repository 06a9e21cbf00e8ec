using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>JSON imports: the document shape, and malformed input reported at its line and column.</summary>
public sealed class QuestionSetImporterJsonTests
{
    private static readonly ImportContext Context = new("sre.json");

    private static QuestionSetImporter CreateSut() => new(new StudyDocumentParser());

    private static ImportResult Import(string json, ImportContext? context = null) =>
        CreateSut().Import(json, QuestionSetFormat.Json, context ?? Context);

    [Fact]
    public void Import_ValidDocument_ReadsEveryField()
    {
        var result = Import(ImportTestData.Json());

        Assert.Empty(result.Problems);
        var set = result.Set!;
        Assert.Equal(("sre", "SRE prep", string.Empty, "sre.json", 1), (set.Id, set.Title, set.Description, set.Source, set.Version));
        Assert.Equal(new[] { "error-budgets", "toil" }, set.Models.Select(m => m.Slug).ToArray());
        Assert.Equal(
            new[] { ("q1", "What is an SLO?", QuestionType.Concept), ("q2", "Tell me about toil", QuestionType.ExampleStory) },
            set.Questions.Select(q => (q.Id, q.Text, q.Type)).ToArray());
        Assert.Equal(new[] { "error-budgets" }, set.Questions[0].TargetModels);
        Assert.All(set.Questions, q => Assert.True(q.Enabled));
    }

    [Fact]
    public void Import_SetIdGiven_ReplacesTheDocumentsId()
    {
        Assert.Equal("other", Import(ImportTestData.Json(), Context with { SetId = "other" }).Set!.Id);
    }

    [Fact]
    public void Import_NoIdButSetIdGiven_Succeeds()
    {
        var result = Import(ImportTestData.JsonWith(2, string.Empty), Context with { SetId = "named" });

        Assert.Equal("named", result.Set!.Id);
    }

    [Fact]
    public void Import_NoIdAndNoSetId_FailsAtTheObject()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(2, string.Empty)));

        Assert.Equal("line 1, column 1 (id): missing required property 'id'", error.ToString());
    }

    [Fact]
    public void Import_TrailingComma_FailsAtTheClosingBracket()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me about toil\" },")));

        Assert.Equal(
            new ImportProblem(ImportSeverity.Error, 11, 3, "invalid JSON: a comma must be followed by another value (trailing commas are not allowed)"),
            error);
    }

    [Fact]
    public void Import_UnclosedBrace_FailsNamingTheLineItOpenedOn()
    {
        var json = string.Join('\n', ImportTestData.JsonLines.Take(11));

        var error = ImportAssert.SingleError(Import(json));

        Assert.Equal(11, error.Line);
        Assert.Equal("invalid JSON: the document ends before the '{' opened on line 1 is closed", error.Message);
    }

    [Fact]
    public void Import_MissingColon_FailsAtTheValue()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(3, "  \"title\" \"SRE prep\",")));

        Assert.Equal("line 3, column 11: invalid JSON: '\"' is invalid after a property name. Expected a ':'.", error.ToString());
    }

    [Fact]
    public void Import_TitleAsNumber_FailsAtTheValue()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(3, "  \"title\": 42,")));

        Assert.Equal("line 3, column 12 (title): expected a string, got the number 42 (put it in quotes)", error.ToString());
    }

    [Fact]
    public void Import_QuestionsAsObject_FailsAtTheObject()
    {
        var json = string.Join('\n', ImportTestData.JsonLines.Take(7).Append("  \"questions\": { \"id\": \"q1\", \"text\": \"Why?\" }").Append("}"));

        var error = ImportAssert.SingleError(Import(json));

        Assert.Equal("line 8, column 16 (questions): expected an array, got an object", error.ToString());
    }

    [Fact]
    public void Import_DuplicateQuestionIdsInOtherCase_FailsAtTheSecond()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"Q1\", \"text\": \"Tell me about toil\" }")));

        Assert.Equal("line 10, column 13 (questions[1].id): duplicate question id 'Q1' (also questions[0])", error.ToString());
    }

    [Fact]
    public void Import_DuplicateModelSlugs_FailsAtTheSecond()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(6, "    { \"slug\": \"error-budgets\", \"name\": \"Budgets again\" }")));

        Assert.Equal("line 6, column 15 (models[1].slug): duplicate mental model 'error-budgets' (also models[0])", error.ToString());
    }

    [Fact]
    public void Import_NoQuestions_FailsAtTheEmptyList()
    {
        var json = string.Join('\n', ImportTestData.JsonLines.Take(7).Append("  \"questions\": []").Append("}"));

        var error = ImportAssert.SingleError(Import(json));

        Assert.Equal("line 8, column 16 (questions): a set needs at least one question", error.ToString());
    }

    [Fact]
    public void Import_OnlyDisabledQuestions_Fails()
    {
        var json = ImportTestData.Json().Replace("\"type\": \"concept\"", "\"enabled\": false", StringComparison.Ordinal)
            .Replace("\"type\": \"example-story\"", "\"enabled\": false", StringComparison.Ordinal);

        var error = ImportAssert.SingleError(Import(json));

        Assert.Equal("line 8, column 16 (questions): every question is disabled: enable at least one", error.ToString());
    }

    [Fact]
    public void Import_UnknownTargetModel_FailsAtTheSlug()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(9, "    { \"id\": \"q1\", \"text\": \"What is an SLO?\", \"targetModels\": [\"toil\", \"error-budget\"] },")));

        Assert.Equal(
            "line 9, column 71 (questions[0].targetModels[1]): unknown mental model 'error-budget': the set's models are error-budgets, toil",
            error.ToString());
    }

    [Fact]
    public void Import_BadQuestionType_ListsTheTypes()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me about toil\", \"type\": \"essay\" }")));

        Assert.Equal(
            "line 10, column 57 (questions[1].type): expected one of concept, example-story, trade-off, scenario, got \"essay\"",
            error.ToString());
    }

    [Fact]
    public void Import_TypeInOtherCase_IsRefusedAsTheSchemaDoes()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me about toil\", \"type\": \"Scenario\" }")));

        Assert.Equal("questions[1].type", error.Path);
    }

    [Fact]
    public void Import_EnabledAsString_Fails()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me about toil\", \"enabled\": \"no\" }")));

        Assert.Equal("line 10, column 60 (questions[1].enabled): expected true or false, got \"no\"", error.ToString());
    }

    [Fact]
    public void Import_QuestionWithoutText_FailsAtTheQuestion()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\" }")));

        Assert.Equal("line 10, column 5 (questions[1].text): missing required property 'text'", error.ToString());
    }

    [Fact]
    public void Import_QuestionThatIsAString_FailsOnceAndLaterQuestionsKeepTheirIndex()
    {
        var json = ImportTestData.JsonWith(9, "    \"What is an SLO?\",")
            .Replace("\"id\": \"q2\"", "\"id\": \"bad id\"", StringComparison.Ordinal);

        var result = Import(json);

        Assert.Null(result.Set);
        Assert.Equal(
            new[] { "line 9, column 5 (questions[0]): expected an object, got a string", "line 10, column 13 (questions[1].id): 'bad id' is not a valid id: use 1–64 letters, digits, '-' and '_'" },
            result.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Import_DuplicateProperty_FailsAtTheSecond()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(3, "  \"title\": \"SRE prep\", \"title\": \"Again\",")));

        Assert.Equal("line 3, column 24 (title): duplicate property 'title' (first on line 3)", error.ToString());
    }

    [Fact]
    public void Import_UnknownProperty_WarnsAndStillImports()
    {
        var result = Import(ImportTestData.JsonWith(3, "  \"title\": \"SRE prep\", \"colour\": \"red\",").Replace("\"name\": \"Toil\"", "\"name\": \"Toil\", \"weight\": 2", StringComparison.Ordinal));

        Assert.True(result.Succeeded);
        Assert.Equal(
            new[] { "line 3, column 24 (colour): unknown property 'colour' (ignored)", "line 6, column 39 (models[1].weight): unknown property 'weight' (ignored)" },
            result.Problems.Select(p => p.ToString()).ToArray());
        Assert.All(result.Problems, p => Assert.Equal(ImportSeverity.Warning, p.Severity));
    }

    [Fact]
    public void Import_SeveralProblems_ReportsEveryOneInLineOrder()
    {
        var json = ImportTestData.Json()
            .Replace("\"id\": \"q2\"", "\"id\": \"q1\"", StringComparison.Ordinal)
            .Replace("\"title\": \"SRE prep\"", "\"title\": false", StringComparison.Ordinal)
            .Replace("\"name\": \"Toil\"", "\"name\": \"\"", StringComparison.Ordinal)
            .Replace("\"type\": \"concept\"", "\"type\": \"quiz\"", StringComparison.Ordinal);

        var result = Import(json);

        Assert.Null(result.Set);
        Assert.Equal(
            new[] { (3, "title"), (6, "models[1].name"), (9, "questions[0].type"), (10, "questions[1].id") },
            result.Problems.Select(p => (p.Line, p.Path!)).ToArray());
    }

    [Fact]
    public void Import_RootIsAnArray_Fails()
    {
        var error = ImportAssert.SingleError(Import("[\n  {}\n]"));

        Assert.Equal("line 1, column 1: expected an object, got an array", error.ToString());
    }

    [Fact]
    public void Import_EmptyDocument_FailsAtLineOne()
    {
        var error = ImportAssert.SingleError(Import("  \n"));

        Assert.Equal("line 1, column 1: the document is empty", error.ToString());
    }

    [Fact]
    public void Import_VersionAndSourceInTheDocument_AreKept()
    {
        var result = Import(ImportTestData.JsonWith(2, "  \"id\": \"sre\", \"version\": 3, \"source\": \"wiki\", \"$schema\": \"x\","));

        Assert.Equal((3, "wiki"), (result.Set!.Version, result.Set.Source));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    public void Import_VersionNotAPositiveWholeNumber_Fails(string version)
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(2, $"  \"id\": \"sre\", \"version\": {version},")));

        Assert.Equal(("version", 2, 27), (error.Path, error.Line, error.Column));
        Assert.StartsWith("expected a whole number of at least 1, got ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NullAnswers_ReadAsAbsent()
    {
        var set = Import(ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Why?\", \"weakAnswer\": null, \"strongAnswer\": \"Because\" }")).Set!;

        Assert.Equal((null, "Because"), (set.Questions[1].GenericAnswer, set.Questions[1].StrongAnswer));
    }

    [Fact]
    public void Import_ControlCharacterInText_Fails()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(3, "  \"title\": \"SRE\\u0007 prep\",")));

        Assert.Equal("line 3, column 12 (title): contains a control character (U+0007) at character 4", error.ToString());
    }

    [Fact]
    public void Import_DeeplyNestedDocument_FailsWithoutThrowing()
    {
        var json = "{\"title\": " + new string('[', 500) + new string(']', 500) + "}";

        var error = ImportAssert.SingleError(Import(json));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("invalid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LoneSurrogateEscape_FailsAtTheString()
    {
        var error = ImportAssert.SingleError(Import(ImportTestData.JsonWith(3, "  \"title\": \"SRE \\uD83D prep\",")));

        Assert.Equal("line 3, column 12: invalid JSON: this string has a \\u escape that is half a character (a lone surrogate)", error.ToString());
    }
}
