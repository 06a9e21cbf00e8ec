using System.Globalization;
using CoachBot.Core.QuestionSets;
using F = CoachBot.Core.Importing.QuestionSetFields;

namespace CoachBot.Core.Importing;

/// <summary>
/// The question-set document of a set, as a <see cref="DocumentNode"/> tree that the JSON and YAML writers both
/// print: the exact inverse of <see cref="QuestionSetBinder"/>, so that an export imports back to the same set.
/// </summary>
internal static class QuestionSetTree
{
    /// <summary>The document for <paramref name="set"/>; it names <see cref="QuestionSetSchema.Id"/> in <c>$schema</c>.</summary>
    public static DocumentObject From(QuestionSet set) => Object(
        (F.Schema, DocumentScalar.Of(QuestionSetSchema.Id)),
        (F.Id, DocumentScalar.Of(set.Id)),
        (F.Title, DocumentScalar.Of(set.Title)),
        (F.Description, DocumentScalar.Of(set.Description)),
        (F.Source, DocumentScalar.Of(set.Source)),
        (F.Version, new DocumentScalar(0, 0, ScalarKind.Number, set.Version.ToString(CultureInfo.InvariantCulture))),
        (F.Models, Array(set.Models.Select(Model))),
        (F.SuccessCriteria, Strings(set.SuccessCriteria)),
        (F.Questions, Array(set.Questions.Select(Question))));

    private static DocumentObject Model(MentalModel model) => Object(
        (F.Slug, DocumentScalar.Of(model.Slug)),
        (F.Name, DocumentScalar.Of(model.Name)),
        (F.Description, DocumentScalar.Of(model.Description)),
        (F.EvidenceHints, Strings(model.EvidenceHints)));

    /// <summary>A question; absent example answers are left out rather than written as null.</summary>
    private static DocumentObject Question(Question question) => Object(
        (F.Id, DocumentScalar.Of(question.Id)),
        (F.Text, DocumentScalar.Of(question.Text)),
        (F.Type, DocumentScalar.Of(QuestionTypeNames.NameOf(question.Type))),
        (F.TargetModels, Strings(question.TargetModels)),
        (F.Hints, Strings(question.Hints)),
        (F.WeakAnswer, question.GenericAnswer is null ? null : DocumentScalar.Of(question.GenericAnswer)),
        (F.StrongAnswer, question.StrongAnswer is null ? null : DocumentScalar.Of(question.StrongAnswer)),
        (F.Enabled, new DocumentScalar(0, 0, ScalarKind.Boolean, question.Enabled ? "true" : "false")));

    private static DocumentObject Object(params (string Name, DocumentNode? Value)[] properties) =>
        new(0, 0, properties.Where(p => p.Value is not null).Select(p => new DocumentProperty(p.Name, 0, 0, p.Value!)).ToList());

    private static DocumentArray Array(IEnumerable<DocumentNode> items) => new(0, 0, items.ToList());

    private static DocumentArray Strings(IEnumerable<string> items) => Array(items.Select(DocumentScalar.Of));
}
