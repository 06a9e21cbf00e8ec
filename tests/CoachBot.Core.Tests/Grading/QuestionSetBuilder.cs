using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading;

/// <summary>Builds question sets by hand so grader tests do not depend on the document parser.</summary>
internal sealed class QuestionSetBuilder
{
    private readonly List<MentalModel> models = [];
    private readonly List<string> criteria = [];
    private readonly List<Question> questions = [];

    public QuestionSetBuilder WithModel(string slug, string name, string description, params string[] hints)
    {
        models.Add(new MentalModel(slug, name, description, hints));
        return this;
    }

    public QuestionSetBuilder WithCriterion(string criterion)
    {
        criteria.Add(criterion);
        return this;
    }

    public QuestionSetBuilder WithQuestion(
        string id, string text, QuestionType type, string? generic = null, string? strong = null, params string[] targets)
    {
        questions.Add(new Question(id, text, type, generic, strong, targets));
        return this;
    }

    public QuestionSet Build(string id = "test-set") =>
        new(id, "Test set", "Hand-built set for grader tests.", "tests", 1, models, criteria, questions);
}

/// <summary>The Amazon customer-trust set, transcribed by hand from content/amazon-security-customer-trust.md.</summary>
internal static class AmazonSet
{
    public const string Concept = "q1";
    public const string Story = "q2";
    public const string TradeOff = "q3";
    public const string Practice = "s1";

    public const string GenericAnswer = "Security protects data and prevents breaches";

    public const string StrongAnswer =
        "Security protects customer trust, which is Amazon's most valuable asset. Every security control we implement "
        + "either enhances customer experience or protects the trust that 200M+ customers place in us daily. For example, "
        + "our fraud detection systems prevent $X billion in customer losses annually while maintaining seamless purchasing experience.";

    public static QuestionSet Build() => new QuestionSetBuilder()
        .WithModel("customer-first-security", "Customer-First Security", "Security decisions that improve customer experience")
        .WithModel("scale-thinking", "Scale Thinking", "Solutions that work for millions of customers globally")
        .WithModel("innovation-enablement", "Innovation Enablement", "Security that accelerates rather than slows innovation")
        .WithModel("quantified-impact", "Quantified Impact", "Data-driven security decisions with measurable outcomes")
        .WithCriterion("Can articulate security's role in customer trust")
        .WithCriterion("Understands Amazon's scale and complexity")
        .WithCriterion("Shows customer obsession in security thinking")
        .WithCriterion("Quantifies security impact in business terms")
        .WithCriterion("Demonstrates Amazon cultural alignment")
        .WithQuestion(Concept, "How does security relate to customer trust at Amazon?", QuestionType.Concept)
        .WithQuestion(Story, "Give an example of security improving customer experience", QuestionType.ExampleStory)
        .WithQuestion(TradeOff, "How do you balance security requirements with customer convenience?", QuestionType.TradeOff)
        .WithQuestion(Practice, "Explain why security is important at Amazon", QuestionType.Scenario, GenericAnswer, StrongAnswer)
        .Build("amazon-customer-trust");

    public static Question Question(this QuestionSet set, string id) =>
        set.FindQuestion(id) ?? throw new InvalidOperationException($"No question {id}.");
}
