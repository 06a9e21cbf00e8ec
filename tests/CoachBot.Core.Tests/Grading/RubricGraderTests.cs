using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading;

public class RubricGraderTests
{
    private const string CustomerFirst = "customer-first-security";
    private const string Scale = "scale-thinking";
    private const string Innovation = "innovation-enablement";
    private const string Quantified = "quantified-impact";

    private static readonly QuestionSet Set = AmazonSet.Build();

    private static RubricGrader CreateSut() => new();

    private static GradeResult Grade(string answer, string questionId = AmazonSet.Practice) =>
        CreateSut().Grade(new GradingRequest(Set, Set.Question(questionId), answer));

    private static ModelGrade Model(GradeResult grade, string slug) => grade.Models.Single(m => m.Slug == slug);

    private static void AssertVerbatim(string answer, ModelGrade model)
    {
        Assert.NotNull(model.Evidence);
        Assert.Contains(model.Evidence!.TrimEnd('\u2026'), answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_Always_IsRubricV1()
    {
        Assert.Equal("rubric-v1", CreateSut().Name);
        Assert.Equal("rubric-v1", Grade(AmazonSet.StrongAnswer).Grader);
    }

    [Fact]
    public async Task GradeAsync_AnyAnswer_EqualsSynchronousGrade()
    {
        var request = new GradingRequest(Set, Set.Question(AmazonSet.Practice), AmazonSet.StrongAnswer);

        var viaAsync = await CreateSut().GradeAsync(request);
        var viaSync = CreateSut().Grade(request);

        Assert.Equal(viaSync.Overall, viaAsync.Overall);
        Assert.Equal(viaSync.Models, viaAsync.Models);
    }

    [Fact]
    public void Grade_AnyAnswer_ReturnsOneModelPerSetModelInSetOrder()
    {
        var grade = Grade(AmazonSet.StrongAnswer);

        Assert.Equal(Set.Models.Select(m => m.Slug), grade.Models.Select(m => m.Slug));
        Assert.Equal(Set.Models.Select(m => m.Name), grade.Models.Select(m => m.Name));
    }

    [Fact]
    public void Grade_CustomerTiedCausallyToSecurityAction_CustomerFirstStrongWithVerbatimEvidence()
    {
        const string answer = "We moved card checks into the background so customers keep trusting us without extra prompts at "
            + "checkout. Retention in the payments cohort went up the following quarter.";

        var model = Model(Grade(answer, AmazonSet.Concept), CustomerFirst);

        Assert.Equal(EvidenceLevel.Strong, model.Level);
        AssertVerbatim(answer, model);
        Assert.Contains("customers keep trusting us", model.Evidence, StringComparison.Ordinal);
        Assert.Null(model.Missing);
    }

    [Fact]
    public void Grade_CustomersMentionedApartFromSecurity_CustomerFirstWeakerThanWhenTied()
    {
        const string apart = "Our customers are very important to us. We run threat modeling on every design and patch quickly.";
        const string tied = "We run threat modeling on every design because a single breach would cost us our customers' trust.";

        var apartModel = Model(Grade(apart, AmazonSet.Concept), CustomerFirst);
        var tiedModel = Model(Grade(tied, AmazonSet.Concept), CustomerFirst);

        Assert.True(tiedModel.Score > apartModel.Score, $"tied {tiedModel.Score} <= apart {apartModel.Score}");
        Assert.NotEqual(EvidenceLevel.Strong, apartModel.Level);
        Assert.Contains("not tied", apartModel.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_ScaleAnswer_ScaleThinkingStrongWithVerbatimEvidence()
    {
        const string answer = "With hundreds of millions of customers in more than 20 countries, the same automated controls have to "
            + "run in every region and satisfy each jurisdiction's regulators, so we built one consistent standard.";

        var model = Model(Grade(answer), Scale);

        Assert.Equal(EvidenceLevel.Strong, model.Level);
        AssertVerbatim(answer, model);
    }

    [Fact]
    public void Grade_NoScaleVocabulary_ScaleMissingWithConcreteReason()
    {
        var model = Model(Grade("Customers trust us because we protect their accounts and payment details carefully."), Scale);

        Assert.Equal(EvidenceLevel.Missing, model.Level);
        Assert.Null(model.Evidence);
        Assert.Equal("Nothing about scale: no customer counts, regions, automation or consistent standards", model.Missing);
    }

    [Fact]
    public void Grade_GuardrailsAndSelfService_InnovationStrongWithVerbatimEvidence()
    {
        const string answer = "Instead of a manual security review for every launch, we gave teams self-service guardrails and "
            + "secure-by-default templates, so they could ship new features faster while customers stayed protected.";

        var model = Model(Grade(answer, AmazonSet.TradeOff), Innovation);

        Assert.Equal(EvidenceLevel.Strong, model.Level);
        AssertVerbatim(answer, model);
    }

    [Fact]
    public void Grade_EnablerSloganOnly_InnovationMentionedNotSolid()
    {
        var model = Model(Grade("Security should be an enabler for customers, not something that gets in their way."), Innovation);

        Assert.Equal(EvidenceLevel.Mentioned, model.Level);
        Assert.Contains("mechanism", model.Missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Adaptive MFA cut account takeovers 40% (from 1.2% to 0.7%) for our retail customers.")]
    [InlineData("Risk-based checks reduced checkout abandonment from 8% to 5% for customers on mobile.")]
    [InlineData("Chargeback losses fell from $18M to $11.7M year over year after we automated card-testing detection.")]
    public void Grade_FigureTiedToResultWithBaseline_QuantifiedStrong(string answer)
    {
        var model = Model(Grade(answer, AmazonSet.Story), Quantified);

        Assert.Equal(EvidenceLevel.Strong, model.Level);
        AssertVerbatim(answer, model);
    }

    [Fact]
    public void Grade_ResultWithoutBaseline_QuantifiedSolidAndAsksForBaseline()
    {
        var model = Model(Grade("After we launched passkeys, phishing-related takeovers dropped 30% for our customers.", AmazonSet.Story), Quantified);

        Assert.Equal(EvidenceLevel.Solid, model.Level);
        Assert.Contains("baseline", model.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_BareFigureWithoutResult_QuantifiedMissingAndFlagged()
    {
        var grade = Grade("Our team of 12 engineers protects customers' accounts with strong authentication on every login.");

        Assert.True(Model(grade, Quantified).Score <= 10);
        Assert.Contains(GradeFlags.NumbersWithoutMeaning, grade.Flags);
    }

    [Fact]
    public void Grade_PlaceholderTiedToCustomerResult_PartialQuantifiedCredit()
    {
        var placeholder = Model(Grade(AmazonSet.StrongAnswer), Quantified);
        var real = Model(Grade(AmazonSet.StrongAnswer.Replace("$X billion", "$1.2 billion", StringComparison.Ordinal)), Quantified);

        Assert.Equal(EvidenceLevel.Mentioned, placeholder.Level);
        Assert.Contains("$X billion in customer losses", placeholder.Evidence, StringComparison.Ordinal);
        Assert.Contains("placeholder", placeholder.Missing, StringComparison.Ordinal);
        Assert.True(real.Score > placeholder.Score);
    }

    [Fact]
    public void Grade_DocumentStrongVersusGeneric_StrongWinsByAtLeast40()
    {
        var question = Set.Question(AmazonSet.Practice);
        var strong = Grade(question.StrongAnswer!);
        var generic = Grade(question.GenericAnswer!);

        Assert.True(strong.Overall - generic.Overall >= 40, $"strong {strong.Overall}, generic {generic.Overall}");
        Assert.Contains(GradeFlags.Generic, generic.Flags);
        Assert.True(generic.Overall <= 30);
        Assert.Equal(EvidenceLevel.Strong, Model(strong, CustomerFirst).Level);
        Assert.Empty(strong.Flags);
    }

    [Theory]
    [InlineData(0, EvidenceLevel.Missing)]
    [InlineData(19, EvidenceLevel.Missing)]
    [InlineData(20, EvidenceLevel.Mentioned)]
    [InlineData(49, EvidenceLevel.Mentioned)]
    [InlineData(50, EvidenceLevel.Solid)]
    [InlineData(79, EvidenceLevel.Solid)]
    [InlineData(80, EvidenceLevel.Strong)]
    [InlineData(100, EvidenceLevel.Strong)]
    public void LevelFor_Score_UsesDocumentedThresholds(int score, EvidenceLevel expected)
    {
        Assert.Equal(expected, EvidenceLevels.For(score));
    }

    [Fact]
    public void Grade_CalibrationAnswers_ModelGradesAreConsistent()
    {
        foreach (var answer in CalibrationSet.All)
        {
            var grade = Grade(answer.Text, answer.QuestionId);

            Assert.InRange(grade.Overall, 0, 100);
            foreach (var model in grade.Models)
            {
                Assert.InRange(model.Score, 0, 100);
                Assert.Equal(EvidenceLevels.For(model.Score), model.Level);
                Assert.Equal(model.Level == EvidenceLevel.Strong, model.Missing is null);
                Assert.Equal(model.Level != EvidenceLevel.Missing, model.Evidence is not null);
                if (model.Evidence is not null)
                {
                    Assert.True(model.Evidence.Length <= 141, $"{answer}: evidence too long");
                    AssertVerbatim(answer.Text, model);
                }
            }
        }
    }

    [Fact]
    public void Grade_CalibrationAnswers_TipIsOneNonEmptySentence()
    {
        foreach (var answer in CalibrationSet.All)
        {
            var tip = Grade(answer.Text, answer.QuestionId).Tip;

            Assert.False(string.IsNullOrWhiteSpace(tip));
            Assert.EndsWith(".", tip, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"[.!?] [A-Z]", tip);
        }
    }

    [Fact]
    public void Grade_WeakestModelIsQuantified_TipAsksForNumberWithBaseline()
    {
        const string answer = "Customers trust Amazon because our automated fraud checks protect every order in every region, and "
            + "self-service guardrails let teams launch new payment features faster without a manual review.";

        var grade = Grade(answer);

        Assert.Equal(Quantified, grade.Weakest!.Slug);
        Assert.Equal(
            "Add one number tied to a customer result and its baseline, e.g. 'cut account-takeover rates from 1.2% to 0.4%'.",
            grade.Tip);
    }

    [Fact]
    public void Grade_WeakestModelIsInnovation_TipIsAboutShippingFaster()
    {
        const string answer = "Security protects customer trust: automated risk checks across all 20 marketplaces cut account "
            + "takeovers from 0.9% to 0.3% for our customers year over year.";

        var grade = Grade(answer);

        Assert.Equal(Innovation, grade.Weakest!.Slug);
        Assert.Contains("launch", grade.Tip, StringComparison.Ordinal);
    }
}
