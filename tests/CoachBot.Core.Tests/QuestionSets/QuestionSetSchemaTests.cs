using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;
using CoachBot.Core.Tests.Importing;
using Json.Schema;

namespace CoachBot.Core.Tests.QuestionSets;

/// <summary>
/// The published JSON Schema, checked with an independent validator (JsonSchema.Net): exports follow it, broken
/// documents fail it, and it agrees with the importer on required properties, names, enums and limits.
/// </summary>
public sealed class QuestionSetSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(QuestionSetSchema.Json));

    /// <summary>Broken documents: each must fail both the schema and the importer.</summary>
    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "title is a number", ImportTestData.JsonWith(3, "  \"title\": 42,") },
        { "type is not a type", ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me\", \"type\": \"essay\" }") },
        { "questions are missing", string.Join('\n', ImportTestData.JsonLines.Take(7)).TrimEnd(',') + "\n}" },
        { "questions are empty", string.Join('\n', ImportTestData.JsonLines.Take(7).Append("  \"questions\": []\n}")) },
        { "slug has capitals", ImportTestData.JsonWith(6, "    { \"slug\": \"Toil\", \"name\": \"Toil\" }") },
        { "id starts with a hyphen", ImportTestData.JsonWith(2, "  \"id\": \"-sre\",") },
        { "question id has a space", ImportTestData.JsonWith(10, "    { \"id\": \"q 2\", \"text\": \"Tell me\" }") },
        { "title is blank", ImportTestData.JsonWith(3, "  \"title\": \"   \",") },
        { "enabled is a string", ImportTestData.JsonWith(10, "    { \"id\": \"q2\", \"text\": \"Tell me\", \"enabled\": \"false\" }") },
        { "control character", ImportTestData.JsonWith(3, "  \"title\": \"SRE\\u0001\",") },
    };

    /// <summary>Fields with a length limit, how to set them, and the limit the validator applies.</summary>
    public static TheoryData<string, int> Limits => new()
    {
        { "title", QuestionSetValidator.MaxTitleLength },
        { "questions[0].text", QuestionSetValidator.MaxQuestionLength },
        { "questions[0].strongAnswer", QuestionSetValidator.MaxAnswerLength },
        { "questions[0].hints[0]", QuestionSetValidator.MaxQuestionLength },
        { "models[0].name", QuestionSetValidator.MaxTitleLength },
        { "successCriteria[0]", QuestionSetValidator.MaxAnswerLength },
    };

    private static QuestionSetImporter CreateImporter() => new(new StudyDocumentParser());

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static ImportResult Import(string json) =>
        CreateImporter().Import(json, QuestionSetFormat.Json, new ImportContext("schema-test.json"));

    private static JsonElement SchemaRoot()
    {
        using var document = JsonDocument.Parse(QuestionSetSchema.Json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Json_IsDraft2020_12WithTheDocumentedId()
    {
        var root = SchemaRoot();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(QuestionSetSchema.Id, root.GetProperty("$id").GetString());
    }

    [Fact]
    public void SeedExport_IsValid()
    {
        var json = QuestionSetExporter.Export(ImportTestData.Seed(), QuestionSetFormat.Json);

        Assert.True(Evaluate(json).IsValid);
    }

    [Fact]
    public void TrickySetExport_IsValid()
    {
        Assert.True(Evaluate(QuestionSetExporter.Export(ImportTestData.Rich(), QuestionSetFormat.Json)).IsValid);
    }

    [Fact]
    public void SmallTestDocument_IsValidAndImports()
    {
        Assert.True(Evaluate(ImportTestData.Json()).IsValid);
        Assert.True(Import(ImportTestData.Json()).Succeeded);
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocument_FailsTheSchemaAndTheImport(string what, string json)
    {
        Assert.False(Evaluate(json).IsValid, what);
        var result = Import(json);
        Assert.False(result.Succeeded, what);
        Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith("invalid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownProperty_FailsTheSchemaButOnlyWarnsOnImport()
    {
        var json = ImportTestData.JsonWith(3, "  \"title\": \"SRE prep\", \"colour\": \"red\",");

        Assert.False(Evaluate(json).IsValid);
        var result = Import(json);
        Assert.True(result.Succeeded);
        Assert.Equal(ImportSeverity.Warning, Assert.Single(result.Problems).Severity);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("models[0]", "$defs.model")]
    [InlineData("questions[3]", "$defs.question")] // the scenario: it has every property
    public void RequiredProperties_AreExactlyThoseTheImporterRequires(string objectPath, string schemaPath)
    {
        var schemaObject = schemaPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Aggregate(SchemaRoot(), (e, name) => e.GetProperty(name));
        var schemaRequired = schemaObject.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order().ToArray();

        var importerRequired = schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Where(name => ImportWithout(objectPath, name).Errors.Any(e =>
                e.Path == Join(objectPath, name) && e.Message == $"missing required property '{name}'"))
            .Order()
            .ToArray();

        Assert.Equal(schemaRequired, importerRequired);
    }

    [Fact]
    public void PropertyNames_AreTheOnesTheImporterKnows()
    {
        var root = SchemaRoot();
        var defs = root.GetProperty("$defs");

        Assert.Equal(QuestionSetFields.SetProperties, Names(root));
        Assert.Equal(QuestionSetFields.ModelProperties, Names(defs.GetProperty("model")));
        Assert.Equal(QuestionSetFields.QuestionProperties, Names(defs.GetProperty("question")));
    }

    [Fact]
    public void QuestionTypeEnum_IsTheImportersTypeNamesForEveryType()
    {
        var schemaTypes = SchemaRoot().GetProperty("$defs").GetProperty("question").GetProperty("properties")
            .GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

        Assert.Equal(QuestionTypeNames.All, schemaTypes);
        Assert.Equal(Enum.GetValues<QuestionType>().Length, schemaTypes.Length);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void LengthLimit_IsTheSameInTheSchemaAndTheValidator(string path, int limit)
    {
        var atLimit = WithText(path, new string('é', limit));
        var overLimit = WithText(path, new string('é', limit + 1));

        Assert.True(Evaluate(atLimit).IsValid);
        Assert.True(Import(atLimit).Succeeded);
        Assert.False(Evaluate(overLimit).IsValid);
        var error = Assert.Single(Import(overLimit).Errors);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void IdLength_IsTheSameInTheSchemaAndTheValidator(int length, bool valid)
    {
        var json = ImportTestData.JsonWith(2, $"  \"id\": \"{new string('a', length)}\",");

        Assert.Equal(valid, Evaluate(json).IsValid);
        Assert.Equal(valid, Import(json).Succeeded);
    }

    private static string[] Names(JsonElement schemaObject) =>
        schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The seed's export with property <paramref name="name"/> removed from the object at <paramref name="objectPath"/>.</summary>
    private static ImportResult ImportWithout(string objectPath, string name)
    {
        var root = JsonNode.Parse(QuestionSetExporter.Export(ImportTestData.Seed(), QuestionSetFormat.Json))!;
        var target = objectPath switch
        {
            "" => root,
            "models[0]" => root["models"]![0]!,
            _ => root["questions"]![3]!,
        };
        Assert.True(target.AsObject().Remove(name), $"{objectPath}.{name} is in the export");
        return Import(root.ToJsonString());
    }

    /// <summary>The seed's export with the string at <paramref name="path"/> set to <paramref name="text"/>.</summary>
    private static string WithText(string path, string text)
    {
        var root = JsonNode.Parse(QuestionSetExporter.Export(ImportTestData.Seed(), QuestionSetFormat.Json))!;
        switch (path)
        {
            case "title": root["title"] = text; break;
            case "questions[0].text": root["questions"]![0]!["text"] = text; break;
            case "questions[0].strongAnswer": root["questions"]![0]!["strongAnswer"] = text; break;
            case "questions[0].hints[0]": root["questions"]![0]!["hints"] = new JsonArray(text); break;
            case "models[0].name": root["models"]![0]!["name"] = text; break;
            case "successCriteria[0]": root["successCriteria"]![0] = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }

        return root.ToJsonString();
    }
}
