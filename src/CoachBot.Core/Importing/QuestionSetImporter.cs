using System.Globalization;
using System.Text;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>
/// Imports a question set from any <see cref="QuestionSetFormat"/>. All or nothing: the file is read and validated
/// completely, every problem is reported (ordered by line, with the field's path where there is one), and
/// <see cref="ImportResult.Set"/> is <c>null</c> whenever there is an error. Nothing is stored, so a result is also
/// the dry run. Never throws for bad input.
/// </summary>
public sealed class QuestionSetImporter(StudyDocumentParser markdown)
{
    /// <summary>The largest file accepted: 1 MB.</summary>
    public const int MaxBytes = 1_048_576;

    /// <summary>
    /// Imports an uploaded file: size first (over <see cref="MaxBytes"/> is one error), then strict UTF-8 (a
    /// byte-order mark is fine; invalid bytes are errors at their line), then <see cref="Import(string, QuestionSetFormat, ImportContext)"/>.
    /// </summary>
    public ImportResult Import(ReadOnlySpan<byte> content, QuestionSetFormat format, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (content.Length > MaxBytes)
        {
            return TooLarge(content.Length);
        }

        var problems = new List<ImportProblem>();
        var text = Utf8Decoding.Decode(content, problems);
        return text is null ? new ImportResult(null, problems) : Import(text, format, context);
    }

    /// <summary>Imports <paramref name="text"/> read as <paramref name="format"/> (a leading byte-order mark is ignored).</summary>
    public ImportResult Import(string text, QuestionSetFormat format, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        text ??= string.Empty;
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > MaxBytes)
        {
            return TooLarge(size);
        }

        text = text.TrimStart('\uFEFF');
        return format switch
        {
            QuestionSetFormat.Markdown => ImportMarkdown(text, context),
            QuestionSetFormat.Json => ImportDocument(JsonTreeReader.Read, text, context),
            QuestionSetFormat.Yaml => ImportDocument(YamlTreeReader.Read, text, context),
            QuestionSetFormat.Csv => ImportCsv(text, context),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown question-set format."),
        };
    }

    private ImportResult ImportMarkdown(string text, ImportContext context)
    {
        var parsed = markdown.Parse(text, context.Source, context.SetId);
        return parsed.Set is null
            ? parsed
            : Complete(parsed.Set, parsed.Problems, QuestionSetValidator.Validate(parsed.Set), []);
    }

    private static ImportResult ImportDocument(Func<string, List<ImportProblem>, DocumentNode?> read, string text, ImportContext context)
    {
        var locator = new PathLocator();
        var reader = new DocumentReader(locator);
        var root = read(text, reader.Problems);
        var set = root is null ? null : new QuestionSetBinder(reader).Bind(root, context);
        return set is null
            ? new ImportResult(null, Ordered(reader.Problems))
            : Complete(set, reader.Problems, QuestionSetValidator.Validate(set, locator.Locate), reader.FailedPaths);
    }

    private static ImportResult ImportCsv(string text, ImportContext context)
    {
        var locator = new PathLocator();
        var reader = new DocumentReader(locator);
        if (context.ExistingSet is null)
        {
            reader.Problems.Add(new ImportProblem(
                ImportSeverity.Error, 1, null, "A CSV holds questions only: import it into an existing set (name the set)."));
        }

        var questions = new CsvQuestionReader(locator, reader).Read(text);
        if (questions is null || context.ExistingSet is not { } existing)
        {
            return new ImportResult(null, Ordered(reader.Problems));
        }

        var set = existing with
        {
            Id = string.IsNullOrWhiteSpace(context.SetId) ? existing.Id : context.SetId.Trim(),
            Source = context.Source,
            Questions = questions,
        };
        return Complete(set, reader.Problems, QuestionSetValidator.Validate(set, locator.Locate), reader.FailedPaths);
    }

    /// <summary>
    /// Joins reading and validation problems. A validation problem about a field that already failed to read (or
    /// lies inside one) would only repeat it, so it is dropped.
    /// </summary>
    private static ImportResult Complete(
        QuestionSet set, IEnumerable<ImportProblem> readProblems, IEnumerable<ImportProblem> validation, IReadOnlyCollection<string> failedPaths)
    {
        var fresh = validation.Where(p => p.Path is not { } path || !failedPaths.Any(f => PathLocator.IsWithin(path, f)));
        var problems = Ordered(readProblems.Concat(fresh));
        return new ImportResult(problems.Any(p => p.Severity == ImportSeverity.Error) ? null : set, problems);
    }

    private static List<ImportProblem> Ordered(IEnumerable<ImportProblem> problems) =>
        problems.OrderBy(p => p.Line).ThenBy(p => p.Column ?? 0).ToList();

    private static ImportResult TooLarge(long bytes)
    {
        var megabytes = Math.Ceiling(bytes * 10.0 / MaxBytes) / 10;
        var message = string.Create(CultureInfo.InvariantCulture, $"The file is {megabytes:0.0} MB; the limit is 1 MB.");
        return new ImportResult(null, [new ImportProblem(ImportSeverity.Error, 1, null, message)]);
    }
}
