using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfPracticeStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // Fractions to the microsecond: PostgreSQL keeps microseconds, SQLite 100 ns ticks (each provider's precision: DateTimeStorageTests).
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(7654320);

    private EfPracticeStore CreateSut() => (EfPracticeStore)database.Services.GetRequiredService<IPracticeStore>();

    [Fact]
    public async Task SaveSessionAsync_NewSession_RoundTripsAllFields()
    {
        var sut = CreateSut();
        var session = TestData.Session(TestData.NewUserKey(), "amazon-customer-trust", T0, null, "q1", "q3", "q2");

        await sut.SaveSessionAsync(session);
        var loaded = await sut.GetOpenSessionAsync(session.UserKey);

        Assert.NotNull(loaded);
        JsonAssert.Equivalent(session, loaded);
        Assert.Equal(T0.UtcTicks, loaded.StartedAt.UtcTicks);
    }

    [Fact]
    public async Task SaveSessionAsync_ExistingSession_UpdatesInPlace()
    {
        var sut = CreateSut();
        var session = TestData.Session(TestData.NewUserKey(), "amazon-customer-trust", T0, null, "q1");
        await sut.SaveSessionAsync(session);

        var updated = session with { CurrentQuestionId = "q2", AskedQuestionIds = ["q1", "q2"] };
        await sut.SaveSessionAsync(updated);

        JsonAssert.Equivalent(updated, await sut.GetOpenSessionAsync(session.UserKey));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.PracticeSessions.CountAsync(s => s.UserKey == session.UserKey));
    }

    [Fact]
    public async Task GetOpenSessionAsync_OnlyEndedSessions_ReturnsNull()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        await sut.SaveSessionAsync(TestData.Session(userKey, "amazon-customer-trust", T0, T0.AddMinutes(5), "q1"));
        await sut.SaveSessionAsync(TestData.Session(userKey, "amazon-customer-trust", T0.AddHours(1), T0.AddHours(2), "q2"));

        Assert.Null(await sut.GetOpenSessionAsync(userKey));
    }

    [Fact]
    public async Task GetOpenSessionAsync_EndedAndOpenSessions_ReturnsOpenSession()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        var open = TestData.Session(userKey, "amazon-customer-trust", T0, null, "q1");
        await sut.SaveSessionAsync(open);
        await sut.SaveSessionAsync(TestData.Session(userKey, "amazon-customer-trust", T0.AddHours(1), T0.AddHours(2), "q2"));
        await sut.SaveSessionAsync(TestData.Session(TestData.NewUserKey(), "amazon-customer-trust", T0.AddHours(3), null, "q3"));

        var loaded = await sut.GetOpenSessionAsync(userKey);

        Assert.Equal(open.Id, loaded?.Id);
    }

    [Fact]
    public async Task GetOpenSessionAsync_SessionEndedBySave_ReturnsNull()
    {
        var sut = CreateSut();
        var session = TestData.Session(TestData.NewUserKey(), "amazon-customer-trust", T0, null, "q1");
        await sut.SaveSessionAsync(session);

        await sut.SaveSessionAsync(session with { CurrentQuestionId = null, EndedAt = T0.AddMinutes(10) });

        Assert.Null(await sut.GetOpenSessionAsync(session.UserKey));
    }

    [Fact]
    public async Task GetOpenSessionAsync_UnknownLearner_ReturnsNull()
    {
        Assert.Null(await CreateSut().GetOpenSessionAsync(TestData.NewUserKey()));
    }

    [Fact]
    public async Task GetAskedQuestionIdsAsync_SeveralSessions_ReturnsUnionForThatSetOnly()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        await sut.SaveSessionAsync(TestData.Session(userKey, "set-a", T0, T0.AddMinutes(5), "q1", "q2"));
        await sut.SaveSessionAsync(TestData.Session(userKey, "set-a", T0.AddHours(1), null, "q2", "q4"));
        await sut.SaveSessionAsync(TestData.Session(userKey, "set-b", T0.AddHours(2), T0.AddHours(3), "q9"));
        await sut.SaveSessionAsync(TestData.Session(TestData.NewUserKey(), "set-a", T0, null, "q7"));

        var asked = await sut.GetAskedQuestionIdsAsync(userKey, "set-a");

        Assert.Equal(["q1", "q2", "q4"], asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAskedQuestionIdsAsync_NoSessions_ReturnsEmpty()
    {
        Assert.Empty(await CreateSut().GetAskedQuestionIdsAsync(TestData.NewUserKey(), "set-a"));
    }

    [Fact]
    public async Task SaveAttemptAsync_NewAttempt_RoundTripsGradeExactly()
    {
        var sut = CreateSut();
        var attempt = TestData.Attempt(TestData.NewUserKey(), Guid.NewGuid(), "q1", T0) with { UpdatedAt = T0.AddSeconds(3) };

        await sut.SaveAttemptAsync(attempt);
        var loaded = Assert.Single(await sut.GetAttemptsAsync(attempt.UserKey));

        JsonAssert.Equivalent(attempt, loaded);
        Assert.Equal(attempt.Grade.Models, loaded.Grade.Models);
        Assert.Equal(attempt.Grade.Flags, loaded.Grade.Flags);
        Assert.Equal(attempt with { Grade = loaded.Grade }, loaded);
    }

    [Fact]
    public async Task SaveAttemptAsync_NullableFieldsNull_RoundTrips()
    {
        var sut = CreateSut();
        var attempt = TestData.Attempt(TestData.NewUserKey(), Guid.NewGuid(), "q1", T0) with
        {
            SourceMessageId = null,
            Grade = new(0, [], "", [], "rubric-v1"),
        };

        await sut.SaveAttemptAsync(attempt);

        JsonAssert.Equivalent(attempt, Assert.Single(await sut.GetAttemptsAsync(attempt.UserKey)));
    }

    [Fact]
    public async Task SaveAttemptAsync_ExistingAttempt_UpdatesWithoutDuplicate()
    {
        var sut = CreateSut();
        var attempt = TestData.Attempt(TestData.NewUserKey(), Guid.NewGuid(), "q1", T0, overall: 40);
        await sut.SaveAttemptAsync(attempt);

        var regraded = attempt with { Answer = "An edited, better answer.", Grade = TestData.Grade(90, "rubric-v2"), UpdatedAt = T0.AddMinutes(1) };
        await sut.SaveAttemptAsync(regraded);

        var loaded = Assert.Single(await sut.GetAttemptsAsync(attempt.UserKey));
        JsonAssert.Equivalent(regraded, loaded);
        await using var db = database.CreateContext();
        var row = await db.Attempts.SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal(90, row.Overall);
        Assert.Equal("rubric-v2", row.Grader);
    }

    [Fact]
    public async Task GetAttemptsAsync_SavedOutOfOrder_ReturnsOldestFirst()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        var session = Guid.NewGuid();
        var late = TestData.Attempt(userKey, session, "q3", T0.AddDays(2));
        var early = TestData.Attempt(userKey, session, "q1", T0);
        var middle = TestData.Attempt(userKey, session, "q2", T0.AddHours(1));
        await sut.SaveAttemptAsync(late);
        await sut.SaveAttemptAsync(early);
        await sut.SaveAttemptAsync(middle);
        await sut.SaveAttemptAsync(TestData.Attempt(TestData.NewUserKey(), session, "q1", T0.AddMinutes(1)));

        var attempts = await sut.GetAttemptsAsync(userKey);

        Assert.Equal([early.Id, middle.Id, late.Id], attempts.Select(a => a.Id));
    }

    [Fact]
    public async Task GetAttemptsAsync_SameCreatedAt_ReturnsInsertionOrder()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        var attempts = Enumerable.Range(1, 6).Select(i => TestData.Attempt(userKey, Guid.NewGuid(), $"q{i}", T0)).ToList();
        foreach (var attempt in attempts)
        {
            await sut.SaveAttemptAsync(attempt);
        }

        Assert.Equal(attempts.Select(a => a.Id), (await sut.GetAttemptsAsync(userKey)).Select(a => a.Id));
    }

    [Fact]
    public async Task TouchLearnerAsync_NewLearner_CreatesProfile()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();

        await sut.TouchLearnerAsync(userKey, "msteams", "Ada Lovelace", T0);

        Assert.Equal(new LearnerProfile(userKey, "msteams", "Ada Lovelace", T0, T0), await sut.GetLearnerAsync(userKey));
    }

    [Fact]
    public async Task TouchLearnerAsync_ExistingLearner_KeepsFirstSeenAndRefreshesLastSeen()
    {
        var sut = CreateSut();
        var userKey = TestData.NewUserKey();
        await sut.TouchLearnerAsync(userKey, "msteams", "Ada", T0);

        await sut.TouchLearnerAsync(userKey, "msteams", "Ada Lovelace", T0.AddHours(1));
        await sut.TouchLearnerAsync(userKey, "msteams", null, T0.AddHours(2));

        Assert.Equal(new LearnerProfile(userKey, "msteams", "Ada Lovelace", T0, T0.AddHours(2)), await sut.GetLearnerAsync(userKey));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Learners.CountAsync(l => l.UserKey == userKey));
    }

    [Fact]
    public async Task TouchLearnerAsync_ConcurrentFirstTouches_CreateOneProfile()
    {
        var sut = CreateSut();
        for (var iteration = 0; iteration < 10; iteration++)
        {
            var userKey = TestData.NewUserKey();

            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => sut.TouchLearnerAsync(userKey, "msteams", $"name {i}", T0.AddSeconds(i)))));

            var profile = await sut.GetLearnerAsync(userKey);
            Assert.NotNull(profile);
            Assert.Equal(T0.AddSeconds(5), profile.LastSeen);
        }
    }

    [Fact]
    public async Task ForgetLearnerAsync_TwoLearners_DeletesOnlyThatLearnersRowsAndReturnsCounts()
    {
        var sut = CreateSut();
        var forgotten = TestData.NewUserKey();
        var kept = TestData.NewUserKey();
        foreach (var userKey in new[] { forgotten, kept })
        {
            await sut.TouchLearnerAsync(userKey, "msteams", "Someone", T0);
            var first = TestData.Session(userKey, "set-a", T0, T0.AddMinutes(5), "q1");
            var second = TestData.Session(userKey, "set-a", T0.AddHours(1), null, "q2");
            await sut.SaveSessionAsync(first);
            await sut.SaveSessionAsync(second);
            await sut.SaveAttemptAsync(TestData.Attempt(userKey, first.Id, "q1", T0.AddMinutes(1)));
            await sut.SaveAttemptAsync(TestData.Attempt(userKey, second.Id, "q2", T0.AddHours(1).AddMinutes(1)));
            await sut.SaveAttemptAsync(TestData.Attempt(userKey, second.Id, "q2", T0.AddHours(1).AddMinutes(2)));
        }

        var result = await sut.ForgetLearnerAsync(forgotten);

        Assert.Equal(new ForgetResult(Attempts: 3, Sessions: 2, Profiles: 1, ConversationRecords: 0), result);
        Assert.Empty(await sut.GetAttemptsAsync(forgotten));
        Assert.Null(await sut.GetOpenSessionAsync(forgotten));
        Assert.Empty(await sut.GetAskedQuestionIdsAsync(forgotten, "set-a"));
        Assert.Null(await sut.GetLearnerAsync(forgotten));

        Assert.Equal(3, (await sut.GetAttemptsAsync(kept)).Count);
        Assert.NotNull(await sut.GetOpenSessionAsync(kept));
        Assert.Equal(["q1", "q2"], (await sut.GetAskedQuestionIdsAsync(kept, "set-a")).Order(StringComparer.Ordinal));
        Assert.NotNull(await sut.GetLearnerAsync(kept));
    }

    [Fact]
    public async Task ForgetLearnerAsync_UnknownLearner_ReturnsZeros()
    {
        Assert.Equal(new ForgetResult(0, 0, 0, 0), await CreateSut().ForgetLearnerAsync(TestData.NewUserKey()));
    }
}
