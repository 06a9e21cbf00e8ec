using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Infrastructure.Tests.StudyChannelTestData;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfQuizStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private EfQuizStore CreateSut() => (EfQuizStore)database.Services.GetRequiredService<IQuizStore>();

    private static Quiz NewQuiz(string? placeKey = null, QuizState state = QuizState.Scheduled, DateTimeOffset? createdAt = null) =>
        new(Guid.NewGuid(), placeKey ?? NewPlaceKey(), T0.AddHours(2), "Europe/Berlin", 3, 2, "amazon-customer-trust", 4, ["q3", "q1", "q2"],
            -1, state, TestData.NewUserKey(), createdAt ?? T0);

    [Fact]
    public async Task SaveQuizAsync_New_RoundTripsAllFields()
    {
        var sut = CreateSut();
        var quiz = NewQuiz();

        await sut.SaveQuizAsync(quiz);

        var stored = await sut.GetQuizAsync(quiz.Id);
        Assert.NotNull(stored);
        JsonAssert.Equivalent(quiz, stored);
        Assert.Equal(["q3", "q1", "q2"], stored.QuestionIds);
    }

    [Fact]
    public async Task SaveQuizAsync_Existing_UpdatesStateAndIndex()
    {
        var sut = CreateSut();
        var quiz = NewQuiz();
        await sut.SaveQuizAsync(quiz);

        await sut.SaveQuizAsync(quiz with { CurrentIndex = 1, State = QuizState.Running });

        var stored = await sut.GetQuizAsync(quiz.Id);
        Assert.Equal((1, QuizState.Running), (stored!.CurrentIndex, stored.State));
        Assert.Single(await sut.GetQuizzesAsync(quiz.PlaceKey));
    }

    [Fact]
    public async Task GetQuizzesAsync_ReturnsThePlacesQuizzesOldestFirst()
    {
        var sut = CreateSut();
        var place = NewPlaceKey();
        var later = NewQuiz(place, createdAt: T0.AddDays(1));
        var earlier = NewQuiz(place);
        await sut.SaveQuizAsync(later);
        await sut.SaveQuizAsync(earlier);
        await sut.SaveQuizAsync(NewQuiz());

        Assert.Equal([earlier.Id, later.Id], (await sut.GetQuizzesAsync(place)).Select(q => q.Id));
    }

    [Fact]
    public async Task TryAddMemberAsync_SameMemberTwice_SecondIsFalseAndOneRowKept()
    {
        var sut = CreateSut();
        var quiz = NewQuiz();
        await sut.SaveQuizAsync(quiz);
        var member = new QuizMember(quiz.Id, TestData.NewUserKey(), "29:ana", "Ana", T0.AddMinutes(1));

        Assert.True(await sut.TryAddMemberAsync(member));
        Assert.False(await sut.TryAddMemberAsync(member with { JoinedAt = T0.AddMinutes(2) }));

        Assert.Equal([member], await sut.GetMembersAsync(quiz.Id));
    }

    [Fact]
    public async Task GetRunningQuizzesOfMemberAsync_OnlyRunningQuizzesTheyJoined()
    {
        var sut = CreateSut();
        var user = TestData.NewUserKey();
        var running = NewQuiz(state: QuizState.Running);
        var finished = NewQuiz(state: QuizState.Finished);
        var notJoined = NewQuiz(state: QuizState.Running);
        foreach (var quiz in new[] { running, finished, notJoined })
        {
            await sut.SaveQuizAsync(quiz);
        }

        await sut.TryAddMemberAsync(new QuizMember(running.Id, user, "29:u", null, T0));
        await sut.TryAddMemberAsync(new QuizMember(finished.Id, user, "29:u", null, T0));

        Assert.Equal([running.Id], (await sut.GetRunningQuizzesOfMemberAsync(user)).Select(q => q.Id));
    }

    [Fact]
    public async Task TryAddAnswerAsync_RoundTripsTheGrade_AndASecondAnswerToTheSameQuestionIsRefused()
    {
        var sut = CreateSut();
        var quiz = NewQuiz(state: QuizState.Running);
        await sut.SaveQuizAsync(quiz);
        var user = TestData.NewUserKey();
        var first = new QuizAnswer(quiz.Id, 0, user, "We told the customer first.", TestData.Grade(81), T0.AddMinutes(3));

        Assert.True(await sut.TryAddAnswerAsync(first));
        Assert.False(await sut.TryAddAnswerAsync(first with { Answer = "changed my mind", Grade = TestData.Grade(20), SubmittedAt = T0.AddMinutes(4) }));
        Assert.True(await sut.TryAddAnswerAsync(first with { QuestionIndex = 1, SubmittedAt = T0.AddMinutes(5) }));

        var answers = await sut.GetAnswersAsync(quiz.Id);
        Assert.Equal(2, answers.Count);
        var stored = answers[0];
        Assert.Equal((first.Answer, first.SubmittedAt, 0), (stored.Answer, stored.SubmittedAt, stored.QuestionIndex));
        JsonAssert.Equivalent(first.Grade, stored.Grade);
    }

    [Fact]
    public async Task EraseAsync_DeletesTheLearnersAnswersAndMembershipsOnly()
    {
        var sut = CreateSut();
        var quiz = NewQuiz(state: QuizState.Running);
        await sut.SaveQuizAsync(quiz);
        var gone = TestData.NewUserKey();
        var kept = TestData.NewUserKey();
        await sut.TryAddMemberAsync(new QuizMember(quiz.Id, gone, "29:g", "G", T0));
        await sut.TryAddMemberAsync(new QuizMember(quiz.Id, kept, "29:k", "K", T0));
        await sut.TryAddAnswerAsync(new QuizAnswer(quiz.Id, 0, gone, "a", TestData.Grade(), T0));
        await sut.TryAddAnswerAsync(new QuizAnswer(quiz.Id, 0, kept, "b", TestData.Grade(), T0));

        var erased = await sut.EraseAsync(new ChatTurn(gone, "msteams", "a:1", null, "forget me confirm", null));

        Assert.Equal(2, erased);
        Assert.Equal([kept], (await sut.GetMembersAsync(quiz.Id)).Select(m => m.UserKey));
        Assert.Equal([kept], (await sut.GetAnswersAsync(quiz.Id)).Select(a => a.UserKey));
        Assert.NotNull(await sut.GetQuizAsync(quiz.Id));
    }

    [Fact]
    public void Registration_QuizStoreIsAlsoALearnerDataEraser()
    {
        Assert.Contains(database.Services.GetServices<ILearnerDataEraser>(), e => e is EfQuizStore);
    }
}
