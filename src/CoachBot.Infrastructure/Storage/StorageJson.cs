using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// The JSON written to text columns. Stored shapes are the persistence records below, not the Core
/// records, so a refactoring of Core cannot silently change (or break reading) what is already stored.
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");

    public static string SerializeIds(IReadOnlyList<string> ids) => Serialize(ids);

    public static IReadOnlyList<string> DeserializeIds(string json) => Deserialize<List<string>>(json);
}

/// <summary>Stored form of <see cref="GradeResult"/>.</summary>
internal sealed record GradeDocument(int Overall, IReadOnlyList<ModelGradeDocument> Models, string Tip, IReadOnlyList<string> Flags, string Grader, bool IsFallback = false)
{
    public static GradeDocument From(GradeResult grade) =>
        new(grade.Overall, [.. grade.Models.Select(ModelGradeDocument.From)], grade.Tip, [.. grade.Flags], grade.Grader, grade.IsFallback);

    public GradeResult ToGradeResult() =>
        new(Overall, [.. Models.Select(m => m.ToModelGrade())], Tip, [.. Flags], Grader, IsFallback);
}

/// <summary>Stored form of <see cref="ModelGrade"/>.</summary>
internal sealed record ModelGradeDocument(string Slug, string Name, int Score, EvidenceLevel Level, string? Evidence, string? Missing)
{
    public static ModelGradeDocument From(ModelGrade grade) =>
        new(grade.Slug, grade.Name, grade.Score, grade.Level, grade.Evidence, grade.Missing);

    public ModelGrade ToModelGrade() => new(Slug, Name, Score, Level, Evidence, Missing);
}

/// <summary>Stored form of <see cref="QuestionSet"/>.</summary>
internal sealed record QuestionSetDocument(
    string Id,
    string Title,
    string Description,
    string Source,
    int Version,
    IReadOnlyList<MentalModelDocument> Models,
    IReadOnlyList<string> SuccessCriteria,
    IReadOnlyList<QuestionDocument> Questions)
{
    public static QuestionSetDocument From(QuestionSet set) =>
        new(set.Id, set.Title, set.Description, set.Source, set.Version,
            [.. set.Models.Select(MentalModelDocument.From)], [.. set.SuccessCriteria], [.. set.Questions.Select(QuestionDocument.From)]);

    public QuestionSet ToQuestionSet() =>
        new(Id, Title, Description, Source, Version,
            [.. Models.Select(m => m.ToMentalModel())], [.. SuccessCriteria], [.. Questions.Select(q => q.ToQuestion())]);
}

/// <summary>Stored form of <see cref="MentalModel"/>.</summary>
internal sealed record MentalModelDocument(string Slug, string Name, string Description, IReadOnlyList<string> EvidenceHints)
{
    public static MentalModelDocument From(MentalModel model) => new(model.Slug, model.Name, model.Description, [.. model.EvidenceHints]);

    public MentalModel ToMentalModel() => new(Slug, Name, Description, [.. EvidenceHints]);
}

/// <summary>Stored form of <see cref="Question"/>.</summary>
internal sealed record QuestionDocument(
    string Id,
    string Text,
    QuestionType Type,
    string? GenericAnswer,
    string? StrongAnswer,
    IReadOnlyList<string> TargetModels,
    bool Enabled,
    IReadOnlyList<string>? Hints = null)
{
    public static QuestionDocument From(Question question) =>
        new(question.Id, question.Text, question.Type, question.GenericAnswer, question.StrongAnswer, [.. question.TargetModels], question.Enabled, [.. question.Hints]);

    // Versions stored before hints existed have none.
    public Question ToQuestion() => new(Id, Text, Type, GenericAnswer, StrongAnswer, [.. TargetModels], Enabled) { Hints = [.. Hints ?? []] };
}
