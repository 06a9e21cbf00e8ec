namespace CoachBot.Core.QuestionSets;

/// <summary>
/// Compares question sets by content. Records compare their lists by reference, so <c>a == b</c> is false for two
/// sets read from the same file; this compares every list item by item, in order, with ordinal (exact) text.
/// <see cref="QuestionSet.Version"/> and <see cref="QuestionSet.Source"/> are ignored: they say which copy a set is
/// and where it came from, not what it holds, so "did the import change anything" and "does the round trip give an
/// identical set" both look past them.
/// </summary>
public sealed class QuestionSetComparer : IEqualityComparer<QuestionSet>
{
    /// <summary>The comparer (it has no state).</summary>
    public static QuestionSetComparer Instance { get; } = new();

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the same content (see the class remarks).</summary>
    public static bool ContentEquals(QuestionSet? a, QuestionSet? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        return a.Id == b.Id
            && a.Title == b.Title
            && a.Description == b.Description
            && Same(a.Models, b.Models, ModelEquals)
            && Same(a.SuccessCriteria, b.SuccessCriteria, string.Equals)
            && Same(a.Questions, b.Questions, QuestionEquals);
    }

    /// <inheritdoc />
    public bool Equals(QuestionSet? x, QuestionSet? y) => ContentEquals(x, y);

    /// <inheritdoc />
    public int GetHashCode(QuestionSet obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Id, obj.Title, obj.Models.Count, obj.Questions.Count);
    }

    private static bool ModelEquals(MentalModel a, MentalModel b) =>
        a.Slug == b.Slug && a.Name == b.Name && a.Description == b.Description && Same(a.EvidenceHints, b.EvidenceHints, string.Equals);

    private static bool QuestionEquals(Question a, Question b) =>
        a.Id == b.Id
        && a.Text == b.Text
        && a.Type == b.Type
        && a.GenericAnswer == b.GenericAnswer
        && a.StrongAnswer == b.StrongAnswer
        && a.Enabled == b.Enabled
        && Same(a.TargetModels, b.TargetModels, string.Equals)
        && Same(a.Hints, b.Hints, string.Equals);

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, T, bool> equals) =>
        a.Count == b.Count && a.Zip(b).All(pair => equals(pair.First, pair.Second));
}
