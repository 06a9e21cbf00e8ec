using CoachBot.Core.Grading;
using CoachBot.Core.Grading.Rubric;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading;

/// <summary>What the grader derives from a set is cached per set instance, never shared between different sets.</summary>
public class RubricPlanTests
{
    [Fact]
    public void For_SameSetInstance_ReturnsTheSamePlan()
    {
        var set = AmazonSet.Build();

        Assert.Same(RubricPlan.For(set), RubricPlan.For(set));
    }

    [Fact]
    public void Grade_NewVersionWithSameIdAndOtherModels_GradesAgainstTheNewModels()
    {
        var original = new QuestionSetBuilder()
            .WithModel("least-privilege", "Least Privilege", "Grant only the access each role needs.")
            .WithQuestion("c1", "Tell me about access control.", QuestionType.ExampleStory)
            .Build();
        var revised = original with
        {
            Models = [new MentalModel("incident-readiness", "Incident Readiness", "Recover from incidents quickly.", ["Runbooks"])],
        };
        const string answer = "When our payments API went down, I followed the runbook and we recovered from the incident in 20 minutes.";
        var grader = new RubricGrader();

        var before = grader.Grade(new GradingRequest(original, original.Question("c1"), answer));
        var after = grader.Grade(new GradingRequest(revised, revised.Question("c1"), answer));

        Assert.Equal("least-privilege", Assert.Single(before.Models).Slug);
        Assert.Equal("incident-readiness", Assert.Single(after.Models).Slug);
        Assert.True(after.Models[0].Score > before.Models[0].Score, $"{after.Models[0].Score} <= {before.Models[0].Score}");
    }
}
