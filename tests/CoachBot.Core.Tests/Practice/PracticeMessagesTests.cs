using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using static CoachBot.Core.Tests.Practice.PracticeTestData;

namespace CoachBot.Core.Tests.Practice;

public sealed class PracticeMessagesTests
{
    [Fact]
    public void Delta_Improvement_StatesPointsAndEachLevelChange()
    {
        var text = PracticeMessages.Delta(Grade(70, EvidenceLevel.Strong, EvidenceLevel.Solid), Grade(52, EvidenceLevel.Solid, EvidenceLevel.Missing));
        Assert.Equal("+18 since your last try; Customer-First Security went from Solid to Strong; Quantified Impact went from Missing to Solid.", text);
    }

    [Fact]
    public void Delta_Drop_AndNoChange_AreWordedPlainly()
    {
        Assert.Equal("-5 since your last try.", PracticeMessages.Delta(Grade(40), Grade(45)));
        Assert.Equal("Same score as your last try.", PracticeMessages.Delta(Grade(40), Grade(40)));
    }

    [Fact]
    public void Question_ContainsTheTextVerbatim_ItsPosition_AndTheSetName()
    {
        var set = Set("q1", "q2");
        var text = PracticeMessages.Question(set, set.Questions[1], QuestionFraming.New).ToPlainText();
        Assert.Contains("Question 2 of 2 · Test Set", text, StringComparison.Ordinal);
        Assert.Contains("Question q2?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_ShowsScoreModelLinesAndTip_AndOffersExampleOnlyWhenTheQuestionHasOne()
    {
        var set = Set("q1");
        var attempt = Attempt("q1", 64, 1);
        var plain = PracticeMessages.Feedback(set, set.Questions[0], attempt, null, regraded: false);
        Assert.Contains("64/100", plain.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("- Quantified Impact: Missing (32): no number", plain.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("Tip: tip", plain.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Actions, a => a.Command == "example");

        var withExample = set.Questions[0] with { StrongAnswer = "great answer" };
        Assert.Contains(PracticeMessages.Feedback(set, withExample, attempt, null, false).Actions, a => a.Command == "example");
    }

    [Fact]
    public void Feedback_FallbackGrade_SaysTheQuickGraderAnswered_OtherwiseNot()
    {
        var set = Set("q1");
        var attempt = Attempt("q1", 64, 1);
        var fallback = attempt with { Grade = attempt.Grade with { IsFallback = true } };

        Assert.DoesNotContain("quick grader", PracticeMessages.Feedback(set, set.Questions[0], attempt, null, false).ToPlainText(), StringComparison.Ordinal);
        Assert.Contains(PracticeMessages.QuickGraderNote, PracticeMessages.Feedback(set, set.Questions[0], fallback, null, false).ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_NoAttempts_InvitesToPractise()
    {
        Assert.Contains("No attempts yet", PracticeMessages.Progress(ProgressReport.From([])).ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressReport_AggregatesAttempts_AndFindsTheWeakestModel()
    {
        var report = ProgressReport.From([Attempt("q1", 40, 1), Attempt("q2", 81, 2)]);
        Assert.Equal((2, 61, 81, 81), (report.Attempts, report.Average, report.Best, report.Latest));
        Assert.Equal("Quantified Impact", report.Weakest!.Value.Name);
    }

    [Fact]
    public void AnswerTooLong_StatesTheLimit_AndThatTheQuestionIsStillOpen()
    {
        var text = PracticeMessages.AnswerTooLong(6123, 5000).ToPlainText();
        Assert.Contains("6,123", text, StringComparison.Ordinal);
        Assert.Contains("5,000", text, StringComparison.Ordinal);
        Assert.Contains("still open", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_NamesTheSet_AndHowToBegin()
    {
        var text = PracticeMessages.Welcome(Set("q1")).ToPlainText();
        Assert.Contains("\"Test Set\"", text, StringComparison.Ordinal);
        Assert.Contains("Type practice", text, StringComparison.Ordinal);
    }
}
