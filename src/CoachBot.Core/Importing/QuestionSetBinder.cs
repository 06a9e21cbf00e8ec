using CoachBot.Core.QuestionSets;
using F = CoachBot.Core.Importing.QuestionSetFields;

namespace CoachBot.Core.Importing;

/// <summary>
/// Turns a JSON or YAML <see cref="DocumentNode"/> tree into a <see cref="QuestionSet"/>: the one place that knows
/// the document's shape. Wrong types, missing required properties, unknown values and duplicates are reported at
/// their node; the set is still assembled from what could be read (wrong values read as empty, list items keep their
/// index), so validation can report the rest at the right paths.
/// </summary>
internal sealed class QuestionSetBinder(DocumentReader reader)
{
    /// <summary>The set read from <paramref name="root"/>, or <c>null</c> when the root is not an object.</summary>
    public QuestionSet? Bind(DocumentNode root, ImportContext context)
    {
        var document = reader.Object(root, string.Empty, F.SetProperties);
        if (!document.IsObject)
        {
            return null;
        }

        var setId = string.IsNullOrWhiteSpace(context.SetId) ? null : context.SetId.Trim();
        var id = document.String(F.Id, required: setId is null);
        var source = document.String(F.Source);
        var version = document.Get(F.Version) is { } v ? reader.Integer(v, document.PathOf(F.Version), 1) : null;
        _ = document.String(F.Schema);

        return new QuestionSet(
            setId ?? id ?? string.Empty,
            document.String(F.Title, required: true) ?? string.Empty,
            document.String(F.Description) ?? string.Empty,
            string.IsNullOrWhiteSpace(source) ? context.Source : source,
            version ?? 1,
            Items(document, F.Models, required: true, BindModel),
            document.Strings(F.SuccessCriteria),
            Items(document, F.Questions, required: true, BindQuestion));
    }

    /// <summary>Every item of a list property; an item that is not an object binds as an empty one and keeps its index.</summary>
    private List<T> Items<T>(ObjectView parent, string name, bool required, Func<DocumentNode, string, T> bind)
    {
        var path = parent.PathOf(name);
        var items = parent.Get(name, required) is { } node ? reader.Array(node, path) ?? [] : [];
        return items.Select((item, i) => bind(item, PathLocator.Item(path, i))).ToList();
    }

    private MentalModel BindModel(DocumentNode node, string path)
    {
        var model = reader.Object(node, path, F.ModelProperties);
        return new MentalModel(
            model.String(F.Slug, required: true) ?? string.Empty,
            model.String(F.Name, required: true) ?? string.Empty,
            model.String(F.Description) ?? string.Empty,
            model.Strings(F.EvidenceHints));
    }

    private Question BindQuestion(DocumentNode node, string path)
    {
        var question = reader.Object(node, path, F.QuestionProperties);

        var typeName = question.Get(F.Type) is { } t ? reader.OneOf(t, question.PathOf(F.Type), QuestionTypeNames.All) : null;
        _ = QuestionTypeNames.TryParse(typeName ?? QuestionTypeNames.All[0], out var type);
        var enabled = question.Get(F.Enabled) is { } e ? reader.Boolean(e, question.PathOf(F.Enabled)) : null;

        return new Question(
            question.String(F.Id, required: true) ?? string.Empty,
            question.String(F.Text, required: true) ?? string.Empty,
            type,
            question.String(F.WeakAnswer, allowNull: true),
            question.String(F.StrongAnswer, allowNull: true),
            question.Strings(F.TargetModels),
            enabled ?? true)
        {
            Hints = question.Strings(F.Hints),
        };
    }
}
