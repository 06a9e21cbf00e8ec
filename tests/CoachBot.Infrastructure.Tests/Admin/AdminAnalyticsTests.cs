using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests.Admin;

/// <summary>The Core <see cref="AdminAnalytics"/> over the real SQLite stores (1:1 attempts and channel answers).</summary>
public sealed class AdminAnalyticsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private AdminAnalytics CreateSut() => new(
        database.Services.GetRequiredService<IAdminAnalyticsStore>(),
        database.Services.GetRequiredService<IQuestionSetStore>(),
        database.Services.GetRequiredService<IStudyChannelStore>(),
        database.Time);

    private static GradeResult Grade(int first, int second) =>
        new((first + second) / 2, [new ModelGrade("customer-first-security", "Customer-First Security", first, EvidenceLevel.Solid, null, null),
            new ModelGrade("earn-trust", "Earn Trust", second, EvidenceLevel.Solid, null, null)], "tip", [], "rubric-v1");

    [Fact]
    public async Task ModelTrend_AveragesEachModelPerDay_AcrossPracticeAndChannels_AndFiltersByPlace()
    {
        var setId = TestData.NewSetId();
        await database.Services.GetRequiredService<IQuestionSetStore>().AddIfMissingAsync(TestData.QuestionSet(setId));
        var practice = database.Services.GetRequiredService<IPracticeStore>();
        var channels = database.Services.GetRequiredService<IStudyChannelStore>();
        var today = database.Time.GetUtcNow();
        var yesterday = today.AddDays(-1);

        var learner = TestData.NewUserKey();
        var session = TestData.Session(learner, setId, yesterday);
        await practice.SaveSessionAsync(session);
        await practice.SaveAttemptAsync(TestData.Attempt(learner, session.Id, "q1", yesterday) with { SetId = setId, Grade = Grade(40, 80) });
        await practice.SaveAttemptAsync(TestData.Attempt(learner, session.Id, "q2", yesterday.AddMinutes(1)) with { SetId = setId, Grade = Grade(60, 90) });

        var place = StudyChannelTestData.Place() with { Name = "Security study" };
        await channels.UpsertPlaceAsync(place, reactivate: true);
        var prompt = StudyChannelTestData.Prompt(Guid.NewGuid(), place.PlaceKey, today) with { SetId = setId };
        await channels.TryAddPromptAsync(prompt);
        await channels.SaveAnswerAsync(StudyChannelTestData.Answer(prompt, TestData.NewUserKey(), today) with { Grade = Grade(20, 30) });

        var all = (await CreateSut().GetModelTrendAsync(setId, days: 3))!;
        var inPlace = (await CreateSut().GetModelTrendAsync(setId, place.PlaceKey, days: 3))!;

        Assert.Equal(3, all.Answers);
        Assert.Equal([DateOnly.FromDateTime(today.UtcDateTime).AddDays(-2), DateOnly.FromDateTime(yesterday.UtcDateTime), DateOnly.FromDateTime(today.UtcDateTime)], all.Days);
        Assert.Equal(["customer-first-security", "earn-trust"], all.Series.Select(s => s.Slug));
        Assert.Equal([null, 50.0, 20.0], all.Series[0].Averages);
        Assert.Equal([null, 85.0, 30.0], all.Series[1].Averages);
        Assert.Equal(40.0, all.Series[0].Overall);
        Assert.Equal(1, inPlace.Answers);
        Assert.Equal([null, null, 30.0], inPlace.Series[1].Averages);

        var participation = await CreateSut().GetParticipationAsync(setId, days: 3);
        Assert.Equal(
            [("1:1 practice", 2, 1), ("Security study", 1, 1)],
            participation.Select(p => (p.Name, p.Answers, p.Members)));
    }

    [Fact]
    public async Task ModelTrend_UnknownSet_IsNull()
    {
        Assert.Null(await CreateSut().GetModelTrendAsync("no-such-set"));
    }
}
