using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Benchmarks;

/// <summary>The bundled study document, embedded in this assembly and parsed with the real importer.</summary>
public static class StudyDocument
{
    private const string ResourceName = "amazon-security-customer-trust.md";

    /// <summary>Parses the embedded document into its question set.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing or the document no longer imports.</exception>
    public static QuestionSet Load()
    {
        using var stream = typeof(StudyDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var result = new StudyDocumentParser().Parse(reader.ReadToEnd(), ResourceName);
        return result.Set ?? throw new InvalidOperationException($"{ResourceName} did not import.");
    }

    /// <summary>The practice scenario: the question that carries the document's strong example answer.</summary>
    public static Question Scenario(QuestionSet set) =>
        set.Questions.First(q => q.Type == QuestionType.Scenario && q.StrongAnswer is not null);
}
