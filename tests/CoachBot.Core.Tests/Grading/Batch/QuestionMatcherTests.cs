using CoachBot.Core.Grading.Batch;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading.Batch;

public sealed class QuestionMatcherTests
{
    private static readonly QuestionSet Set = AmazonSet.Build();

    private static QuestionMatcher CreateSut(QuestionSet? set = null) => new(set ?? Set);

    [Theory]
    [InlineData("q2")]
    [InlineData("Q2")]
    [InlineData("  q2 ")]
    public void Match_QuestionIdInAnyCase_MatchesById(string text)
    {
        var match = CreateSut().Match(text);

        Assert.Equal(QuestionMatchKind.Id, match.Kind);
        Assert.Equal("q2", match.Question.Id);
        Assert.Equal(1, match.Similarity);
    }

    [Theory]
    [InlineData("How does security relate to customer trust at Amazon?")]
    [InlineData("  how DOES security   relate to customer-trust at amazon!! ")]
    [InlineData("\u201CHow does security relate to customer trust at Amazon\u201D")]
    public void Match_QuestionTextIgnoringCaseSpacingAndPunctuation_MatchesExactText(string text)
    {
        var match = CreateSut().Match(text);

        Assert.Equal(QuestionMatchKind.ExactText, match.Kind);
        Assert.Equal(AmazonSet.Concept, match.Question.Id);
    }

    [Fact]
    public void Match_TextWithMojibakeApostrophe_MatchesExactText()
    {
        var set = new QuestionSetBuilder()
            .WithModel("customer-first-security", "Customer-First Security", "Security decisions that improve customer experience")
            .WithQuestion("q1", "What is Amazon\u2019s bar for customer obsession?", QuestionType.Concept)
            .Build();

        // "’" (UTF-8 E2 80 99) read as Mac Roman is "‚Äô".
        var match = CreateSut(set).Match("What is Amazon\u201A\u00C4\u00F4s bar for customer obsession?");

        Assert.Equal(QuestionMatchKind.ExactText, match.Kind);
        Assert.Equal("q1", match.Question.Id);
    }

    [Theory]
    [InlineData("How does security relate to customer trust?", AmazonSet.Concept)]
    [InlineData("How does securty relate to custmoer trust at Amazon?", AmazonSet.Concept)]
    [InlineData("How do you balance security and customer convenience?", AmazonSet.TradeOff)]
    [InlineData("Give an example where security improved the customer experience", AmazonSet.Story)]
    [InlineData("Why is security so important at Amazon?", AmazonSet.Practice)]
    public void Match_RewordedShortenedOrMistypedQuestion_MatchesClosest(string text, string expectedId)
    {
        var match = CreateSut().Match(text);

        Assert.Equal(QuestionMatchKind.Closest, match.Kind);
        Assert.Equal(expectedId, match.Question.Id);
        Assert.InRange(match.Similarity, QuestionMatcher.ClosestThreshold, 1.0);
    }

    [Theory]
    [InlineData("Tell me about a time you disagreed with your manager")]
    [InlineData("How do you handle security incidents at Amazon?")] // shares only "security" and "Amazon" with the set's questions
    [InlineData("???")]
    public void Match_QuestionOutsideTheSet_IsAConceptQuestionWithTheGivenTextTargetingEveryModel(string text)
    {
        var match = CreateSut().Match(text);

        Assert.Equal(QuestionMatchKind.Unknown, match.Kind);
        Assert.Equal(0, match.Similarity);
        Assert.Equal(QuestionType.Concept, match.Question.Type);
        Assert.Equal(text.Trim(), match.Question.Text);
        Assert.StartsWith(QuestionMatcher.UnknownQuestionIdPrefix, match.Question.Id, StringComparison.Ordinal);
        Assert.Equal(Set.Models.Select(m => m.Slug), match.Question.TargetModels);
    }

    [Fact]
    public void Match_SameUnknownQuestionTwice_GetsTheSameId()
    {
        var sut = CreateSut();

        var first = sut.Match("Tell me about a time you disagreed with your manager");
        var second = sut.Match("tell me about a time you disagreed with your manager.");

        Assert.Equal(first.Question.Id, second.Question.Id);
    }

    [Fact]
    public void Match_DisabledQuestion_StillMatches()
    {
        var set = Set with { Questions = [.. Set.Questions.Select(q => q with { Enabled = q.Id != AmazonSet.TradeOff })] };

        var match = CreateSut(set).Match("How do you balance security requirements with customer convenience?");

        Assert.Equal(AmazonSet.TradeOff, match.Question.Id);
    }
}
