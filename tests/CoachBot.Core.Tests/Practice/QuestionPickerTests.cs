using CoachBot.Core.Practice;
using static CoachBot.Core.Tests.Practice.PracticeTestData;

namespace CoachBot.Core.Tests.Practice;

public sealed class QuestionPickerTests
{
    [Fact]
    public void Pick_SomeQuestionsNeverAsked_ReturnsTheFirstUnaskedInSetOrder()
    {
        var pick = QuestionPicker.Pick(Set("q1", "q2", "q3"), new HashSet<string> { "q1", "q3" }, [], "q3");
        Assert.Equal("q2", pick!.Question.Id);
        Assert.False(pick.IsReview);
    }

    [Fact]
    public void Pick_SetExhausted_ReturnsTheLowestLatestScore_NotTheCurrentQuestion()
    {
        var attempts = new[] { Attempt("q1", 90, 1), Attempt("q2", 20, 2), Attempt("q3", 50, 3), Attempt("q2", 95, 4) };
        var pick = QuestionPicker.Pick(Set("q1", "q2", "q3"), new HashSet<string> { "q1", "q2", "q3" }, attempts, "q1");
        Assert.Equal("q3", pick!.Question.Id); // q2's latest is 95; q1 is current
        Assert.True(pick.IsReview);
    }

    [Fact]
    public void Pick_SetExhausted_AskedButUnanswered_ComesFirst()
    {
        var pick = QuestionPicker.Pick(Set("q1", "q2"), new HashSet<string> { "q1", "q2" }, [Attempt("q1", 10, 1)], null);
        Assert.Equal("q2", pick!.Question.Id);
    }

    [Fact]
    public void Pick_SingleQuestionSet_RepeatsIt()
    {
        var pick = QuestionPicker.Pick(Set("q1"), new HashSet<string> { "q1" }, [], "q1");
        Assert.Equal("q1", pick!.Question.Id);
    }

    [Fact]
    public void Pick_NoEnabledQuestion_ReturnsNull()
    {
        var set = Set("q1") with { Questions = [Set("q1").Questions[0] with { Enabled = false }] };
        Assert.Null(QuestionPicker.Pick(set, new HashSet<string>(), [], null));
    }
}
