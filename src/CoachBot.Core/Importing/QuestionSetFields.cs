namespace CoachBot.Core.Importing;

/// <summary>
/// Property names of the JSON/YAML question-set document (camelCase). The binder, the exporter and the JSON
/// Schema (<c>QuestionSets/question-set.schema.json</c>) all use these; a test keeps the schema in step.
/// </summary>
internal static class QuestionSetFields
{
    public const string Schema = "$schema";
    public const string Id = "id";
    public const string Title = "title";
    public const string Description = "description";
    public const string Source = "source";
    public const string Version = "version";
    public const string Models = "models";
    public const string SuccessCriteria = "successCriteria";
    public const string Questions = "questions";

    public const string Slug = "slug";
    public const string Name = "name";
    public const string EvidenceHints = "evidenceHints";

    public const string Text = "text";
    public const string Type = "type";
    public const string TargetModels = "targetModels";
    public const string Hints = "hints";
    public const string WeakAnswer = "weakAnswer";
    public const string StrongAnswer = "strongAnswer";
    public const string Enabled = "enabled";

    /// <summary>Properties of the document itself.</summary>
    public static IReadOnlyList<string> SetProperties { get; } =
        [Schema, Id, Title, Description, Source, Version, Models, SuccessCriteria, Questions];

    /// <summary>Properties of one entry of <c>models</c>.</summary>
    public static IReadOnlyList<string> ModelProperties { get; } = [Slug, Name, Description, EvidenceHints];

    /// <summary>Properties of one entry of <c>questions</c> (also the CSV columns).</summary>
    public static IReadOnlyList<string> QuestionProperties { get; } =
        [Id, Text, Type, TargetModels, Hints, WeakAnswer, StrongAnswer, Enabled];
}
