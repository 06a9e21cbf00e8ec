using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Grading;

public class RubricCalibrationTests
{
    private const double MinimumSpearman = 0.85;
    private const int AdversarialCeiling = 30;

    private static readonly QuestionSet Set = AmazonSet.Build();

    private static RubricGrader CreateSut() => new();

    private static GradeResult Grade(CalibrationAnswer answer) =>
        CreateSut().Grade(new GradingRequest(Set, Set.Question(answer.QuestionId), answer.Text));

    [Fact]
    public void CalibrationSet_Composition_CoversQuestionsTiersAndAdversarialKinds()
    {
        var all = CalibrationSet.All;

        Assert.True(all.Count >= 60, $"Only {all.Count} calibration answers.");
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var question in Set.Questions)
        {
            Assert.Contains(all, a => a.QuestionId == question.Id);
        }

        for (var tier = 0; tier <= 4; tier++)
        {
            Assert.Contains(all, a => a.Tier == tier);
        }

        foreach (var kind in Enum.GetValues<Adversarial>())
        {
            Assert.Contains(all, a => a.Kind == kind);
        }

        Assert.Contains(all, a => a.Text == AmazonSet.GenericAnswer);
        Assert.Contains(all, a => a.Text == AmazonSet.StrongAnswer);
    }

    [Fact]
    public void Grade_CalibrationSet_RankCorrelatesWithTiers()
    {
        var answers = CalibrationSet.All;
        var scores = answers.Select(a => (double)Grade(a).Overall).ToList();
        var tiers = answers.Select(a => (double)a.Tier).ToList();

        var rho = RankCorrelation.Spearman(scores, tiers);

        Assert.True(rho >= MinimumSpearman, $"Spearman {rho:F3} < {MinimumSpearman}.\n{Table(answers, scores)}");
    }

    [Fact]
    public void Grade_CalibrationSet_MeanScoreRisesWithEveryTier()
    {
        var means = CalibrationSet.All
            .GroupBy(a => a.Tier)
            .OrderBy(g => g.Key)
            .Select(g => g.Average(a => Grade(a).Overall))
            .ToList();

        for (var tier = 1; tier < means.Count; tier++)
        {
            Assert.True(means[tier] > means[tier - 1], $"Tier means not increasing: {string.Join(", ", means.Select(m => m.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
    }

    [Fact]
    public void Grade_AdversarialAnswers_ScoreAtMost30AndAreFlagged()
    {
        foreach (var answer in CalibrationSet.All.Where(a => a.Kind != Adversarial.None))
        {
            var grade = Grade(answer);

            Assert.True(grade.Overall <= AdversarialCeiling, $"{answer} scored {grade.Overall}: {answer.Text}");
            Assert.NotEmpty(grade.Flags);
        }
    }

    [Theory]
    [InlineData(Adversarial.Generic, GradeFlags.Generic)]
    [InlineData(Adversarial.Buzzwords, GradeFlags.KeywordStuffing)]
    [InlineData(Adversarial.Injection, GradeFlags.PromptInjection)]
    [InlineData(Adversarial.RandomFigures, GradeFlags.NumbersWithoutMeaning)]
    [InlineData(Adversarial.OffTopic, GradeFlags.OffTopic)]
    [InlineData(Adversarial.TooShort, GradeFlags.TooShort)]
    public void Grade_AdversarialKind_RaisesItsFlag(Adversarial kind, string flag)
    {
        foreach (var answer in CalibrationSet.All.Where(a => a.Kind == kind))
        {
            Assert.Contains(flag, Grade(answer).Flags);
        }
    }

    [Fact]
    public void Grade_NonAdversarialAnswersOfTier3AndUp_AreNeverFlaggedAsCheating()
    {
        string[] cheating = [GradeFlags.KeywordStuffing, GradeFlags.PromptInjection, GradeFlags.OffTopic, GradeFlags.Generic, GradeFlags.TooShort];
        foreach (var answer in CalibrationSet.All.Where(a => a.Tier >= 3))
        {
            var flags = Grade(answer).Flags;

            Assert.False(flags.Intersect(cheating).Any(), $"{answer} flagged {string.Join(",", flags)}");
        }
    }

    [Fact]
    public void Grade_ShortExemplaryVersusLongRambling_ShortWins()
    {
        var shortExemplary = CalibrationSet.All.Single(a => a.Id == CalibrationSet.ShortExemplaryId);
        var rambling = CalibrationSet.All.Single(a => a.Id == CalibrationSet.LongRamblingId);

        Assert.True(rambling.Text.Length > 3 * shortExemplary.Text.Length);
        Assert.True(Grade(shortExemplary).Overall > Grade(rambling).Overall + 30);
    }

    [Fact]
    public void Grade_EveryShortExemplaryAnswer_BeatsEveryTier1Answer()
    {
        var shortExemplary = CalibrationSet.All.Where(a => a.Tier == 4 && a.Text.Length < 260).ToList();
        var weakBest = CalibrationSet.All.Where(a => a.Tier <= 1).Max(a => Grade(a).Overall);

        Assert.NotEmpty(shortExemplary);
        Assert.All(shortExemplary, a => Assert.True(Grade(a).Overall > weakBest, $"{a} scored {Grade(a).Overall} ≤ {weakBest}"));
    }

    [Fact]
    public void Grade_CalibrationSetTwice_GivesEqualResults()
    {
        foreach (var answer in CalibrationSet.All)
        {
            var first = Grade(answer);
            var second = Grade(answer);

            Assert.Equal(first.Overall, second.Overall);
            Assert.Equal(first.Models, second.Models);
            Assert.Equal(first.Tip, second.Tip);
            Assert.Equal(first.Flags, second.Flags);
        }
    }

    private static string Table(IReadOnlyList<CalibrationAnswer> answers, IReadOnlyList<double> scores) =>
        string.Join('\n', answers.Select((a, i) => $"{a.Tier} {scores[i],3} {a.Id}"));
}
