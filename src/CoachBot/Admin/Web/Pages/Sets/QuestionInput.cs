using System.ComponentModel.DataAnnotations;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Admin.Web.Pages.Sets;

/// <summary>The question form: every editable field, plus the set version the form was made on.</summary>
public sealed class QuestionInput
{
    /// <summary>The longest hint list accepted in the form (each hint is checked by <see cref="QuestionSetValidator"/>).</summary>
    public const int MaxHints = 4 * QuestionSetValidator.MaxAnswerLength;

    /// <summary>The question, verbatim.</summary>
    [Required(ErrorMessage = "The question needs a text.")]
    [StringLength(QuestionSetValidator.MaxQuestionLength, ErrorMessage = "Keep the question to 2,000 characters.")]
    [Display(Name = "Question")]
    public string? Text { get; set; }

    /// <summary>The kind of answer expected.</summary>
    [Display(Name = "Type")]
    public QuestionType Type { get; set; }

    /// <summary>The mental models it targets (none: all).</summary>
    public IList<string> TargetModels { get; set; } = [];

    /// <summary>Hints, one per line.</summary>
    [StringLength(MaxHints)]
    [Display(Name = "Hints (one per line)")]
    public string? Hints { get; set; }

    /// <summary>A weak or generic example answer.</summary>
    [StringLength(QuestionSetValidator.MaxAnswerLength, ErrorMessage = "Keep example answers to 5,000 characters.")]
    [Display(Name = "Weak example answer")]
    public string? WeakAnswer { get; set; }

    /// <summary>A strong example answer.</summary>
    [StringLength(QuestionSetValidator.MaxAnswerLength, ErrorMessage = "Keep example answers to 5,000 characters.")]
    [Display(Name = "Strong example answer")]
    public string? StrongAnswer { get; set; }

    /// <summary>Whether learners are asked it.</summary>
    [Display(Name = "Enabled (asked in practice and channels)")]
    public bool Enabled { get; set; }

    /// <summary>The set version the form was made on: a newer latest version makes the save a conflict.</summary>
    [Range(1, int.MaxValue)]
    public int ExpectedVersion { get; set; }

    /// <summary>The form for <paramref name="question"/> of version <paramref name="version"/>.</summary>
    public static QuestionInput From(Question question, int version)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new QuestionInput
        {
            Text = question.Text,
            Type = question.Type,
            TargetModels = [.. question.TargetModels],
            Hints = string.Join('\n', question.Hints),
            WeakAnswer = question.GenericAnswer,
            StrongAnswer = question.StrongAnswer,
            Enabled = question.Enabled,
            ExpectedVersion = version,
        };
    }

    /// <summary>The question as the form describes it.</summary>
    public Question ToQuestion(string id) =>
        new(id, Text?.Trim() ?? string.Empty, Type, Blank(WeakAnswer), Blank(StrongAnswer), [.. TargetModels.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim())], Enabled)
        {
            Hints = [.. (Hints ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
