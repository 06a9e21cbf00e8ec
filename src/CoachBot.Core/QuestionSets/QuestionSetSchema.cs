namespace CoachBot.Core.QuestionSets;

/// <summary>
/// The JSON Schema (draft 2020-12) of the question-set document that JSON and YAML imports read and exports write.
/// The file is <c>src/CoachBot.Core/QuestionSets/question-set.schema.json</c>, embedded in this assembly; the API
/// publishes it, and exported JSON names it in <c>"$schema"</c> by its <see cref="Id"/>.
/// </summary>
public static class QuestionSetSchema
{
    /// <summary>
    /// The schema's <c>$id</c>. It is a name, not a download address: the API serves the same text at
    /// <see cref="PublishedPath"/>.
    /// </summary>
    public const string Id = "https://coachbot.local/schemas/question-set.schema.json";

    /// <summary>Where the web host publishes the schema, relative to its base address.</summary>
    public const string PublishedPath = "/schemas/question-set.schema.json";

    private const string ResourceName = "CoachBot.Core.QuestionSets.question-set.schema.json";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The schema's text (UTF-8 JSON).</summary>
    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(QuestionSetSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
