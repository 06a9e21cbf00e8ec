using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Batch;

/// <summary>How a question given as text was matched to a question of the set.</summary>
public enum QuestionMatchKind
{
    /// <summary>The text is a question id of the set (case-insensitive).</summary>
    Id,

    /// <summary>The text is a question's text, ignoring case, whitespace, punctuation, diacritics and mojibake.</summary>
    ExactText,

    /// <summary>The text is close enough to one question's text (see <see cref="QuestionMatcher.ClosestThreshold"/>).</summary>
    Closest,

    /// <summary>No question of the set: graded against all mental models as a concept question.</summary>
    Unknown,
}

/// <summary>The question an answer is graded against.</summary>
/// <param name="Question">A question of the set, or for <see cref="QuestionMatchKind.Unknown"/> a synthetic one.</param>
/// <param name="Kind">How it was matched.</param>
/// <param name="Similarity">The closest-match similarity (0–1); 1 for id and exact matches, 0 for unknown questions.</param>
public sealed record QuestionMatch(Question Question, QuestionMatchKind Kind, double Similarity);

/// <summary>
/// Matches a question given as text (an id or the question's wording) to a question of one set: by id,
/// then by normalised text, then by the closest text; anything else becomes a synthetic
/// <see cref="QuestionType.Concept"/> question with the given text that targets every mental model.
/// Disabled questions match too: grading one is harmless, only asking it is not.
/// </summary>
public sealed class QuestionMatcher
{
    /// <summary>
    /// The lowest content-term Dice similarity accepted as the closest match (0.6), with at least
    /// <see cref="MinSharedTerms"/> terms in common. At 0.6 a question reworded, shortened by a clause or
    /// with a typo still matches ("How does security relate to customer trust?" scores 0.89 against the
    /// set's q1), while a different question that shares only the set's common words ("security",
    /// "Amazon") does not.
    /// </summary>
    public const double ClosestThreshold = 0.6;

    /// <summary>The fewest content terms a closest match must share with the question (2).</summary>
    public const int MinSharedTerms = 2;

    /// <summary>The id prefix of synthetic questions, followed by a hash of the normalised text.</summary>
    public const string UnknownQuestionIdPrefix = "unknown-";

    private readonly QuestionSet _set;
    private readonly List<(Question Question, string Normalized, IReadOnlyList<string> Terms)> _questions;

    /// <summary>Prepares matching against <paramref name="set"/>.</summary>
    public QuestionMatcher(QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        _set = set;
        _questions = set.Questions
            .Select(q => (q, QuestionText.Normalize(q.Text)))
            .Select(x => (x.q, x.Item2, QuestionText.Terms(x.Item2)))
            .ToList();
    }

    /// <summary>The question <paramref name="text"/> stands for.</summary>
    public QuestionMatch Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_set.FindQuestion(text.Trim()) is { } byId)
        {
            return new QuestionMatch(byId, QuestionMatchKind.Id, 1);
        }

        var normalized = QuestionText.Normalize(text);
        if (normalized.Length > 0 && _questions.FirstOrDefault(q => q.Normalized == normalized).Question is { } exact)
        {
            return new QuestionMatch(exact, QuestionMatchKind.ExactText, 1);
        }

        var terms = QuestionText.Terms(normalized);
        var best = _questions
            .Select(q => (q.Question, Shared: TermOverlap.Shared(terms, q.Terms), Similarity: TermOverlap.Dice(terms, q.Terms)))
            .Where(x => x.Shared >= MinSharedTerms && x.Similarity >= ClosestThreshold)
            .OrderByDescending(x => x.Similarity) // stable: the set's order breaks ties
            .FirstOrDefault();
        if (best.Question is not null)
        {
            return new QuestionMatch(best.Question, QuestionMatchKind.Closest, Math.Round(best.Similarity, 2));
        }

        return new QuestionMatch(Unknown(text, normalized), QuestionMatchKind.Unknown, 0);
    }

    /// <summary>A concept question with the given text, targeting every mental model; its id is stable for the same text.</summary>
    private Question Unknown(string text, string normalized)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..12];
        return new Question(
            UnknownQuestionIdPrefix + hash,
            MojibakeRepair.Repair(text.Trim()),
            QuestionType.Concept,
            GenericAnswer: null,
            StrongAnswer: null,
            TargetModels: _set.Models.Select(m => m.Slug).ToList());
    }
}
