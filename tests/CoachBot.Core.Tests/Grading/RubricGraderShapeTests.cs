using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading;

/// <summary>Question-type expectations, targeted models and success criteria.</summary>
public class RubricGraderShapeTests
{
    private static RubricGrader CreateSut() => new();

    private static int Overall(QuestionSet set, string questionId, string answer) =>
        CreateSut().Grade(new GradingRequest(set, set.Question(questionId), answer)).Overall;

    [Fact]
    public void Grade_StoryQuestion_StoryShapedAnswerBeatsSameFactsAsClaims()
    {
        var set = AmazonSet.Build();
        const string story = "When I joined the identity team, customers kept getting locked out after password resets. I led the "
            + "move to passkeys, and as a result lockout complaints from customers fell sharply.";
        const string claims = "Passkeys are good for customers. Lockout complaints are bad for customers. Password resets are "
            + "annoying for customers.";

        Assert.True(Overall(set, AmazonSet.Story, story) > Overall(set, AmazonSet.Story, claims));
    }

    [Fact]
    public void Grade_TradeOffQuestion_ExplicitTradeOffScoresHigherThanOnConceptQuestion()
    {
        var set = AmazonSet.Build();
        const string answer = "I balance it with risk-based controls: low-risk customers sign in without friction, while only "
            + "high-risk sessions get a step-up check, and we track conversion and fraud together.";

        Assert.True(Overall(set, AmazonSet.TradeOff, answer) > Overall(set, AmazonSet.Concept, answer));
    }

    [Fact]
    public void Grade_TradeOffQuestion_AnswerWithoutTradeOffLanguageLosesPoints()
    {
        var set = AmazonSet.Build();
        const string withTradeOff = "Customers trust us more when checks stay invisible, so I balance it: protection is risk-based, "
            + "with friction only for risky sessions rather than everyone.";
        const string without = "Customers trust us more when our checks on their accounts are strong and our security team is responsive.";

        Assert.True(Overall(set, AmazonSet.TradeOff, withTradeOff) > Overall(set, AmazonSet.TradeOff, without));
    }

    [Fact]
    public void Grade_ConceptQuestion_ThesisTiedToCustomersUpFrontBeatsNoThesis()
    {
        var set = AmazonSet.Build();
        const string thesis = "Security is how we keep customer trust. Our automated checks cover every region.";
        const string noThesis = "Our automated checks cover every region. Customers are important too.";

        Assert.True(Overall(set, AmazonSet.Concept, thesis) > Overall(set, AmazonSet.Concept, noThesis));
    }

    [Fact]
    public void Grade_TargetedModels_WeighMoreThanUntargetedOnes()
    {
        var amazon = AmazonSet.Build();
        var builder = new QuestionSetBuilder();
        foreach (var model in amazon.Models)
        {
            builder.WithModel(model.Slug, model.Name, model.Description);
        }

        var set = builder
            .WithQuestion("quant", "What did your security work change for customers?", QuestionType.Concept, targets: "quantified-impact")
            .WithQuestion("innov", "How does security speed up teams?", QuestionType.Concept, targets: "innovation-enablement")
            .Build();
        const string answer = "Our fraud checks cut account takeovers for customers from 1.2% to 0.4% year over year.";

        Assert.True(Overall(set, "quant", answer) > Overall(set, "innov", answer));
    }

    [Fact]
    public void Grade_SuccessCriteriaOverlap_AddsASmallBonus()
    {
        var withCriteria = AmazonSet.Build();
        var withoutCriteria = withCriteria with { SuccessCriteria = [] };
        const string answer = "Security's role at Amazon is customer trust: at Amazon's scale and complexity, customer obsession "
            + "means we quantify security impact in business terms.";

        var bonus = Overall(withCriteria, AmazonSet.Concept, answer) - Overall(withoutCriteria, AmazonSet.Concept, answer);

        Assert.InRange(bonus, 1, 5);
    }
}
