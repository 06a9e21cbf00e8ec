using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting;

/// <summary>
/// Builds the default question set from the bundled study document on first start. Idempotent: an
/// existing set with the same id is left alone (admins' edits are never overwritten).
/// </summary>
public sealed partial class DefaultQuestionSetSeeder(
    StudyDocumentParser parser,
    IQuestionSetStore sets,
    IOptions<PracticeOptions> options,
    ILogger<DefaultQuestionSetSeeder> logger)
{
    /// <summary>The bundled document, relative to the application's base directory.</summary>
    public const string BundledDocument = "content/amazon-security-customer-trust.md";

    /// <summary>Parses the bundled document and stores it when the default set is missing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var setId = options.Value.DefaultSetId;
        if (await sets.GetLatestAsync(setId, cancellationToken) is not null)
        {
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, BundledDocument);
        var markdown = await File.ReadAllTextAsync(path, cancellationToken);
        var result = parser.Parse(markdown, Path.GetFileName(path), setId);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The bundled study document '{path}' could not be imported: "
                + string.Join("; ", result.Problems.Where(p => p.Severity == ImportSeverity.Error)));
        }

        if (await sets.AddIfMissingAsync(result.Set!, cancellationToken))
        {
            LogSeeded(logger, setId, result.Set!.Questions.Count, result.Set.Models.Count);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Created question set {SetId} from the bundled study document: {Questions} questions, {Models} mental models")]
    private static partial void LogSeeded(ILogger logger, string setId, int questions, int models);
}
