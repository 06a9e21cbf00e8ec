using System.Text.RegularExpressions;
using CoachBot.Core.QuestionSets;
using F = CoachBot.Core.Importing.QuestionSetFields;

namespace CoachBot.Core.Importing;

/// <summary>
/// The rules every question set must meet, whatever it came from (a file of any format, or a REST body). The JSON
/// Schema (<see cref="QuestionSetSchema"/>) states the same limits; the rules it cannot express (unique ids, known
/// target models, an enabled question) live only here. Every problem carries the <see cref="ImportProblem.Path"/>
/// of its field.
/// </summary>
public static partial class QuestionSetValidator
{
    /// <summary>Longest set id, model slug or question id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest set title or model name.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest question text (and hint).</summary>
    public const int MaxQuestionLength = 2_000;

    /// <summary>Longest example answer, description, criterion or evidence hint.</summary>
    public const int MaxAnswerLength = 5_000;

    private const string SlugAlphabet = "lowercase letters, digits and '-' (not at the start)";

    /// <summary>
    /// Checks <paramref name="set"/> and returns every problem, in field order (all are errors).
    /// Lengths count Unicode characters (code points), as JSON Schema's <c>maxLength</c> does.
    /// Text may hold tabs and line breaks but no other control characters.
    /// </summary>
    /// <param name="set">The set to check.</param>
    /// <param name="locate">Maps a field path (<c>questions[2].id</c>) to its line and column in the file the set came
    /// from; without it, or when it returns <c>null</c>, problems have line 0.</param>
    /// <returns>The problems; empty when the set is valid.</returns>
    public static IReadOnlyList<ImportProblem> Validate(QuestionSet set, Func<string, (int Line, int Column)?>? locate = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var check = new Checker(locate);
        check.Id(F.Id, set.Id, SlugPattern(), SlugAlphabet);
        check.Text(F.Title, set.Title, MaxTitleLength, required: true);
        check.Text(F.Description, set.Description, MaxAnswerLength);
        check.Text(F.Source, set.Source, int.MaxValue); // the caller's file name: not the author's to shorten
        ValidateModels(set, check);
        check.List(F.SuccessCriteria, set.SuccessCriteria, MaxAnswerLength);
        ValidateQuestions(set, check);
        return check.Problems;
    }

    private static void ValidateModels(QuestionSet set, Checker check)
    {
        if (set.Models.Count == 0)
        {
            check.Fail(F.Models, "a set needs at least one mental model");
        }

        var firstBySlug = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < set.Models.Count; i++)
        {
            var path = PathLocator.Item(F.Models, i);
            var model = set.Models[i];
            var slugPath = PathLocator.Child(path, F.Slug);
            if (check.Id(slugPath, model.Slug, SlugPattern(), SlugAlphabet)
                && !firstBySlug.TryAdd(model.Slug, i))
            {
                check.Fail(slugPath, $"duplicate mental model '{model.Slug}' (also {PathLocator.Item(F.Models, firstBySlug[model.Slug])})");
            }

            check.Text(PathLocator.Child(path, F.Name), model.Name, MaxTitleLength, required: true);
            check.Text(PathLocator.Child(path, F.Description), model.Description, MaxAnswerLength);
            check.List(PathLocator.Child(path, F.EvidenceHints), model.EvidenceHints, MaxAnswerLength);
        }
    }

    private static void ValidateQuestions(QuestionSet set, Checker check)
    {
        if (set.Questions.Count == 0)
        {
            check.Fail(F.Questions, "a set needs at least one question");
        }
        else if (!set.Questions.Any(q => q.Enabled))
        {
            check.Fail(F.Questions, "every question is disabled: enable at least one");
        }

        var models = set.Models.Select(m => m.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var knownModels = string.Join(", ", set.Models.Select(m => m.Slug));
        var firstById = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < set.Questions.Count; i++)
        {
            var path = PathLocator.Item(F.Questions, i);
            var question = set.Questions[i];
            var idPath = PathLocator.Child(path, F.Id);
            if (check.Id(idPath, question.Id, QuestionIdPattern(), "letters, digits, '-' and '_'")
                && !firstById.TryAdd(question.Id, i))
            {
                check.Fail(idPath, $"duplicate question id '{question.Id}' (also {PathLocator.Item(F.Questions, firstById[question.Id])})");
            }

            check.Text(PathLocator.Child(path, F.Text), question.Text, MaxQuestionLength, required: true);
            for (var t = 0; t < question.TargetModels.Count; t++)
            {
                var slug = question.TargetModels[t];
                if (!models.Contains(slug))
                {
                    check.Fail(
                        PathLocator.Item(PathLocator.Child(path, F.TargetModels), t),
                        $"unknown mental model '{slug}': the set's models are {knownModels}");
                }
            }

            check.List(PathLocator.Child(path, F.Hints), question.Hints, MaxQuestionLength);
            check.Text(PathLocator.Child(path, F.WeakAnswer), question.GenericAnswer, MaxAnswerLength);
            check.Text(PathLocator.Child(path, F.StrongAnswer), question.StrongAnswer, MaxAnswerLength);
        }
    }

    /// <summary>A set id or model slug: 1–64 lowercase ASCII letters, digits and '-', not starting with '-' (as <c>Practice:DefaultSetId</c>).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugPattern();

    /// <summary>A question id: 1–64 ASCII letters, digits, '-' and '_' (it is typed in chat commands).</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    internal static partial Regex QuestionIdPattern();
}
