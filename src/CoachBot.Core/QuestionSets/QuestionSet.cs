namespace CoachBot.Core.QuestionSets;

/// <summary>
/// A versioned set of interview questions together with the rubric they are graded against:
/// the mental models (the rubric's dimensions) and the success criteria.
/// </summary>
/// <param name="Id">Stable, URL-safe identifier (for example <c>amazon-customer-trust</c>).</param>
/// <param name="Title">Human-readable name shown to learners.</param>
/// <param name="Description">One paragraph describing what the set prepares for.</param>
/// <param name="Source">Where the set came from (a file name or "api").</param>
/// <param name="Version">Monotonic version number, starting at 1.</param>
/// <param name="Models">The mental models, in document order.</param>
/// <param name="SuccessCriteria">What a prepared candidate can do, in document order.</param>
/// <param name="Questions">The questions, in the order they are asked.</param>
public sealed record QuestionSet(
    string Id,
    string Title,
    string Description,
    string Source,
    int Version,
    IReadOnlyList<MentalModel> Models,
    IReadOnlyList<string> SuccessCriteria,
    IReadOnlyList<Question> Questions)
{
    /// <summary>The questions a learner can be asked (enabled ones), in order.</summary>
    public IReadOnlyList<Question> EnabledQuestions => Questions.Where(q => q.Enabled).ToList();

    /// <summary>Finds a question by id, or <c>null</c>.</summary>
    public Question? FindQuestion(string questionId) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a mental model by slug, or <c>null</c>.</summary>
    public MentalModel? FindModel(string slug) =>
        Models.FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A rubric dimension, e.g. "Customer-First Security".</summary>
/// <param name="Slug">Stable key, e.g. <c>customer-first-security</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What the model means, from the study document.</param>
/// <param name="EvidenceHints">What good evidence for this model looks like (may be empty).</param>
public sealed record MentalModel(string Slug, string Name, string Description, IReadOnlyList<string> EvidenceHints);

/// <summary>What kind of answer a question expects; the grader weighs answers against it.</summary>
public enum QuestionType
{
    /// <summary>"Why/how does…": a thesis tied to customers.</summary>
    Concept,

    /// <summary>"Give an example…": a concrete story (situation, action, result).</summary>
    ExampleStory,

    /// <summary>"How do you balance…": explicit trade-off reasoning.</summary>
    TradeOff,

    /// <summary>A practice scenario, usually with example answers.</summary>
    Scenario,
}

/// <summary>One interview question.</summary>
/// <param name="Id">Identifier unique within the set (e.g. <c>q1</c>).</param>
/// <param name="Text">The question, verbatim.</param>
/// <param name="Type">The kind of answer expected.</param>
/// <param name="GenericAnswer">A weak/generic example answer, if the document has one.</param>
/// <param name="StrongAnswer">A strong example answer, if the document has one.</param>
/// <param name="TargetModels">Slugs of the mental models this question targets (empty = all).</param>
/// <param name="Enabled">Disabled questions are never asked.</param>
public sealed record Question(
    string Id,
    string Text,
    QuestionType Type,
    string? GenericAnswer,
    string? StrongAnswer,
    IReadOnlyList<string> TargetModels,
    bool Enabled = true)
{
    /// <summary>Hints a learner may ask for before answering (may be empty).</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];
}
