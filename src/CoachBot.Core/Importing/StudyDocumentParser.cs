using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>
/// Imports a Markdown study document (shaped like <c>content/amazon-security-customer-trust.md</c>) into a
/// <see cref="QuestionSet"/>: title and overview, "Key Mental Models", "Common Questions", practice scenarios with
/// generic/strong example answers, and "Success Criteria". Sections are recognised by their wording (case, emoji,
/// punctuation and numbering ignored), so other documents of the same shape import too. Mojibake (UTF-8 read as
/// Mac Roman) is repaired first. Never throws: every problem is reported in the <see cref="ImportResult"/>.
/// </summary>
public sealed class StudyDocumentParser
{
    /// <summary>
    /// Parses <paramref name="markdown"/>. The result has a set only when no <see cref="ImportSeverity.Error"/> was found.
    /// </summary>
    /// <param name="markdown">The document text (<c>\n</c> or <c>\r\n</c> line endings, optional BOM).</param>
    /// <param name="source">Where the document came from; stored as <see cref="QuestionSet.Source"/>.</param>
    /// <param name="setId">The set id to use; when <c>null</c> or blank, a slug of the title.</param>
    /// <returns>The imported set (or <c>null</c>) and every problem found, ordered by line.</returns>
    public ImportResult Parse(string markdown, string source, string? setId = null)
    {
        var problems = new List<ImportProblem>();
        var lines = StudyDocumentText.SplitLines(markdown ?? string.Empty);
        if (lines.TrueForAll(string.IsNullOrWhiteSpace))
        {
            problems.Add(Error(1, null, "the document is empty"));
            return new ImportResult(null, problems);
        }

        RepairMojibake(lines, problems);
        var content = new StudyDocumentScanner(lines, problems).Scan();
        var models = BuildModels(content, problems);
        var questions = BuildQuestions(content);

        if (models.Count == 0)
        {
            problems.Add(Error(
                content.ModelsLine ?? 1,
                null,
                content.ModelsLine is null
                    ? "no mental models: expected a 'Key Mental Models' section with '**Name**: description' items"
                    : "the mental models section has no '**Name**: description' items"));
        }

        if (questions.Count == 0)
        {
            problems.Add(Error(
                content.QuestionsLine ?? 1,
                null,
                content.QuestionsLine is null
                    ? "no questions: expected a 'Common Questions' list or '**Scenario**: \"…\"' practice lines"
                    : "the questions list is empty"));
        }

        var title = content.Title ?? content.FirstHeading;
        if (content.Title is null)
        {
            problems.Add(new ImportProblem(ImportSeverity.Warning, 1, null, "no '# ' title heading"));
        }

        var id = string.IsNullOrWhiteSpace(setId) ? StudyDocumentWords.Slug(title ?? FileStem(source ?? string.Empty)) : setId.Trim();
        if (id.Length == 0)
        {
            problems.Add(Error(1, null, "cannot derive a set id: add a '# ' title or pass an id"));
        }

        var ordered = problems.OrderBy(p => p.Line).ToList();
        if (ordered.Exists(p => p.Severity == ImportSeverity.Error))
        {
            return new ImportResult(null, ordered);
        }

        var set = new QuestionSet(
            id,
            title ?? id,
            content.Overview ?? content.FirstParagraph ?? string.Empty,
            source ?? string.Empty,
            1,
            models,
            content.Criteria.ToList(),
            questions);
        return new ImportResult(set, ordered);
    }

    /// <summary>Repairs each line in place; one warning at the first repaired line and column.</summary>
    private static void RepairMojibake(List<string> lines, List<ImportProblem> problems)
    {
        var firstLine = 0;
        var firstColumn = 0;
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var repaired = MojibakeRepair.Repair(lines[i]);
            if (ReferenceEquals(repaired, lines[i]) || repaired == lines[i])
            {
                continue;
            }

            if (count++ == 0)
            {
                firstLine = i + 1;
                firstColumn = FirstDifference(lines[i], repaired) + 1;
            }

            lines[i] = repaired;
        }

        if (count > 0)
        {
            problems.Add(new ImportProblem(
                ImportSeverity.Warning,
                firstLine,
                firstColumn,
                $"repaired mojibake (UTF-8 text that had been decoded as Mac Roman) on {count} line(s)"));
        }
    }

    private static List<MentalModel> BuildModels(StudyDocumentContent content, List<ImportProblem> problems)
    {
        var models = new List<MentalModel>();
        var firstLineBySlug = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in content.Models)
        {
            var slug = StudyDocumentWords.Slug(item.Name);
            if (slug.Length == 0)
            {
                problems.Add(new ImportProblem(ImportSeverity.Warning, item.Line, item.Column, $"ignored mental model '{item.Name}': its name has no letters or digits"));
            }
            else if (!firstLineBySlug.TryAdd(slug, item.Line))
            {
                problems.Add(Error(item.Line, item.Column, $"duplicate mental model '{slug}' (first defined on line {firstLineBySlug[slug]})"));
            }
            else
            {
                models.Add(new MentalModel(slug, item.Name, item.Description, []));
            }
        }

        return StudyDocumentEvidence.Attach(models, content.Evidence);
    }

    private static List<Question> BuildQuestions(StudyDocumentContent content)
    {
        var questions = new List<Question>();
        foreach (var text in content.Questions)
        {
            questions.Add(new Question($"q{questions.Count + 1}", text, StudyDocumentWords.InferQuestionType(text), null, null, []));
        }

        foreach (var scenario in content.Scenarios)
        {
            questions.Add(new Question(
                $"q{questions.Count + 1}", scenario.Text, QuestionType.Scenario, scenario.GenericAnswer, scenario.StrongAnswer, []));
        }

        return questions;
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static string FileStem(string source)
    {
        var name = source[(source.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static ImportProblem Error(int line, int? column, string message) =>
        new(ImportSeverity.Error, line, column, message);
}
