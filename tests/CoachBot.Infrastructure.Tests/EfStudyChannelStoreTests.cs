using CoachBot.Core.Channels;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Infrastructure.Tests.StudyChannelTestData;

namespace CoachBot.Infrastructure.Tests;

public sealed class EfStudyChannelStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Racers = 8;

    private EfStudyChannelStore CreateSut() => (EfStudyChannelStore)database.Services.GetRequiredService<IStudyChannelStore>();

    // ---- places ----

    [Fact]
    public async Task UpsertPlaceAsync_NewPlace_RoundTripsAllFields()
    {
        var sut = CreateSut();
        var place = Place(feedback: FeedbackMode.Public) with { Kind = PlaceKind.SlackChannel };

        await sut.UpsertPlaceAsync(place, reactivate: false);

        Assert.Equal(place, await sut.GetPlaceAsync(place.PlaceKey));
    }

    [Fact]
    public async Task GetPlaceAsync_UnknownKey_Null()
    {
        Assert.Null(await CreateSut().GetPlaceAsync(NewPlaceKey()));
    }

    [Fact]
    public async Task UpsertPlaceAsync_ExistingPlace_RefreshesAddressingAndKeepsFeedbackMode()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);
        await sut.SetFeedbackModeAsync(place.PlaceKey, FeedbackMode.Public);

        var refreshed = place with
        {
            ServiceUrl = "https://smba.trafficmanager.net/amer/", TenantId = "tenant-2", TeamId = "19:team2@thread.tacv2",
            TeamsChannelId = "19:other@thread.tacv2", BotId = "28:bot-2", Name = "Renamed", Kind = PlaceKind.GroupChat,
            Feedback = FeedbackMode.Private, UpdatedAt = T0.AddDays(1),
        };
        await sut.UpsertPlaceAsync(refreshed, reactivate: false);

        Assert.Equal(refreshed with { Feedback = FeedbackMode.Public }, await sut.GetPlaceAsync(place.PlaceKey));
    }

    [Fact]
    public async Task UpsertPlaceAsync_ActivityWithoutOptionalFields_KeepsStoredNameTenantTeamAndChannel()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);

        await sut.UpsertPlaceAsync(place with { Name = null, TenantId = null, TeamId = null, TeamsChannelId = null, UpdatedAt = T0.AddHours(1) }, reactivate: false);

        Assert.Equal(place with { UpdatedAt = T0.AddHours(1) }, await sut.GetPlaceAsync(place.PlaceKey));
    }

    [Fact]
    public async Task UpsertPlaceAsync_InactivePlaceWithoutReactivate_StaysInactive()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);
        await sut.SetPlaceActiveAsync(place.PlaceKey, active: false);

        await sut.UpsertPlaceAsync(place with { Active = true, UpdatedAt = T0.AddDays(1) }, reactivate: false);

        var loaded = await sut.GetPlaceAsync(place.PlaceKey);
        Assert.False(loaded!.Active);
        Assert.Equal(T0.AddDays(1), loaded.UpdatedAt);
    }

    [Fact]
    public async Task UpsertPlaceAsync_InactivePlaceWithReactivate_BecomesActive()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);
        await sut.SetPlaceActiveAsync(place.PlaceKey, active: false);

        await sut.UpsertPlaceAsync(place, reactivate: true);

        Assert.True((await sut.GetPlaceAsync(place.PlaceKey))!.Active);
    }

    [Fact]
    public async Task UpsertPlaceAsync_ActivePlaceGivenAsInactive_StaysActive()
    {
        // Deactivation must go through SetPlaceActiveAsync, which also pauses the schedules.
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);

        await sut.UpsertPlaceAsync(place with { Active = false }, reactivate: false);

        Assert.True((await sut.GetPlaceAsync(place.PlaceKey))!.Active);
    }

    [Fact]
    public async Task UpsertPlaceAsync_SamePlaceConcurrently_OneRowNoError()
    {
        var sut = CreateSut();
        var place = Place();

        await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            Task.Run(() => sut.UpsertPlaceAsync(place with { UpdatedAt = T0.AddSeconds(i) }, reactivate: false))));

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.StudyPlaces.CountAsync(p => p.PlaceKey == place.PlaceKey));
    }

    [Fact]
    public async Task UpsertAndRecord_Always_StoreEnumsByNameSoReorderingThemInCoreIsSafe()
    {
        var sut = CreateSut();
        var place = Place(feedback: FeedbackMode.Public) with { Kind = PlaceKind.GroupChat };
        var delivery = Delivery(place.PlaceKey, state: DeliveryState.Skipped);
        await sut.UpsertPlaceAsync(place, reactivate: false);
        await sut.TryRecordDeliveryAsync(delivery);

        var rows = await database.QueryAsync(
            "SELECT p.\"Kind\", p.\"Feedback\", d.\"State\" FROM \"StudyPlaces\" p JOIN \"Deliveries\" d ON d.\"PlaceKey\" = p.\"PlaceKey\" WHERE p.\"PlaceKey\" = @place",
            ("place", place.PlaceKey));
        Assert.Equal("GroupChat|Public|Skipped", string.Join('|', Assert.Single(rows)));
    }

    [Fact]
    public async Task SetPlaceActiveAsync_False_DeactivatesPlaceAndEveryScheduleOfIt()
    {
        var sut = CreateSut();
        var place = Place();
        var other = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);
        await sut.UpsertPlaceAsync(other, reactivate: false);
        var first = Schedule(place.PlaceKey);
        var second = Schedule(place.PlaceKey, T0.AddMinutes(1));
        var otherSchedule = Schedule(other.PlaceKey);
        foreach (var schedule in new[] { first, second, otherSchedule })
        {
            await sut.SaveScheduleAsync(schedule);
        }

        await sut.SetPlaceActiveAsync(place.PlaceKey, active: false);

        Assert.False((await sut.GetPlaceAsync(place.PlaceKey))!.Active);
        Assert.All(await sut.GetSchedulesAsync(place.PlaceKey), s => Assert.False(s.Active));
        Assert.True((await sut.GetScheduleAsync(otherSchedule.Id))!.Active);
        Assert.True((await sut.GetPlaceAsync(other.PlaceKey))!.Active);
        var active = (await sut.GetActiveSchedulesAsync()).Select(s => s.Id).ToList();
        Assert.DoesNotContain(first.Id, active);
        Assert.DoesNotContain(second.Id, active);
        Assert.Contains(otherSchedule.Id, active);
    }

    [Fact]
    public async Task SetPlaceActiveAsync_True_ReactivatesPlaceButNotPausedSchedules()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);
        var schedule = Schedule(place.PlaceKey);
        await sut.SaveScheduleAsync(schedule);
        await sut.SetPlaceActiveAsync(place.PlaceKey, active: false);

        await sut.SetPlaceActiveAsync(place.PlaceKey, active: true);

        Assert.True((await sut.GetPlaceAsync(place.PlaceKey))!.Active);
        Assert.False((await sut.GetScheduleAsync(schedule.Id))!.Active);
    }

    [Fact]
    public async Task GetTeamPlacesAsync_TeamWithTwoChannels_ListsThemActiveOrNotByKeyAndNoOtherTeamsOrChats()
    {
        var sut = CreateSut();
        var team = $"19:{Guid.NewGuid():N}@thread.tacv2";
        var second = Place() with { TeamId = team };
        var first = Place() with { TeamId = team };
        var otherTeam = Place() with { TeamId = $"19:{Guid.NewGuid():N}@thread.tacv2" };
        var chat = Place() with { TeamId = null, Kind = PlaceKind.GroupChat };
        foreach (var place in new[] { second, first, otherTeam, chat })
        {
            await sut.UpsertPlaceAsync(place, reactivate: false);
        }

        await sut.SetPlaceActiveAsync(second.PlaceKey, active: false);

        Assert.Equal(
            new[] { first, second with { Active = false } }.OrderBy(p => p.PlaceKey, StringComparer.Ordinal),
            await sut.GetTeamPlacesAsync(team));
        Assert.Empty(await sut.GetTeamPlacesAsync($"19:{Guid.NewGuid():N}@thread.tacv2"));
    }

    [Fact]
    public async Task SetFeedbackModeAsync_Public_IsStored()
    {
        var sut = CreateSut();
        var place = Place();
        await sut.UpsertPlaceAsync(place, reactivate: false);

        await sut.SetFeedbackModeAsync(place.PlaceKey, FeedbackMode.Public);

        Assert.Equal(FeedbackMode.Public, (await sut.GetPlaceAsync(place.PlaceKey))!.Feedback);
    }

    // ---- schedules ----

    [Fact]
    public async Task SaveScheduleAsync_NewSchedule_RoundTripsAllFieldsIncludingTimeDaysAndSkipDates()
    {
        var sut = CreateSut();
        var schedule = Schedule(NewPlaceKey());

        await sut.SaveScheduleAsync(schedule);

        var loaded = await sut.GetScheduleAsync(schedule.Id);
        JsonAssert.Equivalent(schedule, loaded);
        Assert.Equal(schedule.LocalTime.Ticks, loaded!.LocalTime.Ticks);
        Assert.Equal(schedule.Days, loaded.Days);
        Assert.Equal(schedule.SkipDates, loaded.SkipDates);
    }

    [Fact]
    public async Task SaveScheduleAsync_Always_StoresTimeDaysAndDatesAsReadableText()
    {
        var sut = CreateSut();
        var schedule = Schedule(NewPlaceKey()) with { LocalTime = new TimeOnly(7, 5), Days = [DayOfWeek.Friday, DayOfWeek.Monday], SkipDates = [new DateOnly(2026, 12, 24)] };

        await sut.SaveScheduleAsync(schedule);

        var rows = await database.QueryAsync(
            "SELECT CAST(\"LocalTime\" AS TEXT), \"Days\", \"SkipDates\" FROM \"DailySchedules\" WHERE \"PlaceKey\" = @place",
            ("place", schedule.PlaceKey));
        Assert.Equal("07:05:00|[\"friday\",\"monday\"]|[\"2026-12-24\"]", string.Join('|', Assert.Single(rows)));
    }

    [Fact]
    public async Task SaveScheduleAsync_ExistingSchedule_ReplacesIt()
    {
        var sut = CreateSut();
        var schedule = Schedule(NewPlaceKey());
        await sut.SaveScheduleAsync(schedule);

        var changed = schedule with { LocalTime = new TimeOnly(17, 0), TimeZoneId = "America/New_York", Days = [DayOfWeek.Tuesday], SkipDates = [], SetId = "other", Active = false };
        await sut.SaveScheduleAsync(changed);

        JsonAssert.Equivalent(changed, await sut.GetScheduleAsync(schedule.Id));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.DailySchedules.CountAsync(s => s.PlaceKey == schedule.PlaceKey));
    }

    [Fact]
    public async Task GetScheduleAsync_UnknownId_Null()
    {
        Assert.Null(await CreateSut().GetScheduleAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task GetSchedulesAsync_SeveralSchedules_OldestFirstActiveOrNotOnlyThePlace()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var newest = Schedule(placeKey, T0.AddDays(2));
        var oldest = Schedule(placeKey, T0, active: false);
        var middle = Schedule(placeKey, T0.AddDays(1));
        foreach (var schedule in new[] { newest, oldest, middle, Schedule(NewPlaceKey()) })
        {
            await sut.SaveScheduleAsync(schedule);
        }

        var loaded = await sut.GetSchedulesAsync(placeKey);

        Assert.Equal([oldest.Id, middle.Id, newest.Id], loaded.Select(s => s.Id));
    }

    [Fact]
    public async Task GetActiveSchedulesAsync_ActiveAndPausedSchedules_ListsOnlyActiveOnes()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var active = Schedule(placeKey);
        var paused = Schedule(placeKey, active: false);
        await sut.SaveScheduleAsync(active);
        await sut.SaveScheduleAsync(paused);

        var loaded = await sut.GetActiveSchedulesAsync();

        Assert.All(loaded, s => Assert.True(s.Active));
        JsonAssert.Equivalent(active, loaded.Single(s => s.Id == active.Id));
        Assert.DoesNotContain(loaded, s => s.Id == paused.Id);
    }

    // ---- prompts ----

    [Fact]
    public async Task TryAddPromptAsync_NewOccurrence_TrueAndRoundTripsAllFields()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey(), threadId: "19:c@thread.tacv2;messageid=1") with { RecapSentAt = T0.AddHours(9) };

        Assert.True(await sut.TryAddPromptAsync(prompt));

        Assert.Equal(prompt, await sut.GetPromptAsync(prompt.Id));
    }

    [Fact]
    public async Task TryAddPromptAsync_SameScheduleAndOccurrence_FalseAndFirstPromptKept()
    {
        var sut = CreateSut();
        var first = Prompt(Guid.NewGuid(), NewPlaceKey());
        await sut.TryAddPromptAsync(first);

        // The same instant written with another offset is the same occurrence.
        var again = first with { Id = Guid.NewGuid(), OccurrenceUtc = first.OccurrenceUtc.ToOffset(TimeSpan.FromHours(2)), QuestionId = "q9" };
        Assert.False(await sut.TryAddPromptAsync(again));

        Assert.Null(await sut.GetPromptAsync(again.Id));
        Assert.Equal([first], await sut.GetPromptsAsync(first.PlaceKey));
    }

    [Fact]
    public async Task TryAddPromptAsync_SamePromptTwice_FalseSecondTime()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());

        Assert.True(await sut.TryAddPromptAsync(prompt));
        Assert.False(await sut.TryAddPromptAsync(prompt));
    }

    [Fact]
    public async Task TryAddPromptAsync_SameScheduleNextOccurrence_True()
    {
        var sut = CreateSut();
        var first = Prompt(Guid.NewGuid(), NewPlaceKey());
        await sut.TryAddPromptAsync(first);

        Assert.True(await sut.TryAddPromptAsync(first with { Id = Guid.NewGuid(), OccurrenceUtc = T0.AddDays(1) }));
    }

    [Fact]
    public async Task TryAddPromptAsync_RacingTasksForOneOccurrence_ExactlyOneTrue()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, Racers)
            .Select(_ => Task.Run(() =>
            {
                start.Wait();
                return sut.TryAddPromptAsync(prompt with { Id = Guid.NewGuid() });
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, added => added);
        Assert.Single(await sut.GetPromptsAsync(prompt.PlaceKey));
    }

    [Fact]
    public async Task TryAddPromptAsync_RowTheDatabaseRejects_ThrowsInsteadOfFalse()
    {
        var invalid = Prompt(Guid.NewGuid(), NewPlaceKey()) with { QuestionId = null! };

        await Assert.ThrowsAsync<DbUpdateException>(() => CreateSut().TryAddPromptAsync(invalid));
    }

    [Fact]
    public async Task TryAddPromptAsync_RunNowInTwoPlacesAtTheSameInstant_BothStored()
    {
        var sut = CreateSut();

        Assert.True(await sut.TryAddPromptAsync(Prompt(Guid.Empty, NewPlaceKey())));
        Assert.True(await sut.TryAddPromptAsync(Prompt(Guid.Empty, NewPlaceKey())));
    }

    [Fact]
    public async Task UpdatePromptAsync_ThreadAndRecapSent_AreStored()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        await sut.TryAddPromptAsync(prompt);

        var posted = prompt with { ThreadId = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000000", RecapSentAt = T0.AddHours(8).AddSeconds(3) };
        await sut.UpdatePromptAsync(posted);

        Assert.Equal(posted, await sut.GetPromptAsync(prompt.Id));
    }

    [Fact]
    public async Task UpdatePromptAsync_UnknownPrompt_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut().UpdatePromptAsync(Prompt(Guid.NewGuid(), NewPlaceKey())));
    }

    [Fact]
    public async Task FindPromptByThreadAsync_PostedPrompt_FindsItAndUnknownThreadIsNull()
    {
        var sut = CreateSut();
        var thread = $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1";
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey(), threadId: thread);
        await sut.TryAddPromptAsync(prompt);
        await sut.TryAddPromptAsync(Prompt(Guid.NewGuid(), prompt.PlaceKey, threadId: thread + "2"));

        Assert.Equal(prompt, await sut.FindPromptByThreadAsync(thread));
        Assert.Null(await sut.FindPromptByThreadAsync($"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1"));
    }

    [Fact]
    public async Task FindPromptByThreadAsync_GroupChatPromptsShareTheChat_LatestOccurrenceWins()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var chat = placeKey["msteams:".Length..];
        var scheduleId = Guid.NewGuid();
        var latest = Prompt(scheduleId, placeKey, T0.AddDays(1), chat);
        await sut.TryAddPromptAsync(latest);
        await sut.TryAddPromptAsync(Prompt(scheduleId, placeKey, T0, chat));

        Assert.Equal(latest.Id, (await sut.FindPromptByThreadAsync(chat))?.Id);
    }

    [Fact]
    public async Task GetPromptsAsync_SeveralOccurrences_OldestFirstOnlyThePlace()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var scheduleId = Guid.NewGuid();
        var second = Prompt(scheduleId, placeKey, T0.AddDays(1));
        var first = Prompt(scheduleId, placeKey, T0);
        var third = Prompt(scheduleId, placeKey, T0.AddDays(2));
        foreach (var prompt in new[] { second, third, first, Prompt(Guid.NewGuid(), NewPlaceKey()) })
        {
            await sut.TryAddPromptAsync(prompt);
        }

        Assert.Equal([first, second, third], await sut.GetPromptsAsync(placeKey));
    }

    [Fact]
    public async Task GetPromptAsync_UnknownId_Null()
    {
        Assert.Null(await CreateSut().GetPromptAsync(Guid.NewGuid()));
    }

    // ---- answers ----

    [Fact]
    public async Task SaveAnswerAsync_NewAnswer_RoundTripsAllFieldsIncludingTheGrade()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        var answer = Answer(prompt, TestData.NewUserKey()) with { UpdatedAt = T0.AddMinutes(7) };

        await sut.SaveAnswerAsync(answer);

        var loaded = await sut.FindAnswerAsync(prompt.Id, answer.MessageId!);
        JsonAssert.Equivalent(answer, loaded);
        Assert.Equal(answer.Grade.Models, loaded!.Grade.Models);
        Assert.Equal(answer.Grade.Flags, loaded.Grade.Flags);
    }

    [Fact]
    public async Task SaveAnswerAsync_SameAnswerRegraded_UpdatesTheRow()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        var answer = Answer(prompt, TestData.NewUserKey(), overall: 40);
        await sut.SaveAnswerAsync(answer);

        var regraded = answer with { Answer = "Edited: we rotated keys in 40 minutes.", Grade = TestData.Grade(88, "llm-v2"), UpdatedAt = T0.AddHours(1) };
        await sut.SaveAnswerAsync(regraded);

        JsonAssert.Equivalent(new[] { regraded }, await sut.GetAnswersAsync(prompt.Id));
    }

    [Fact]
    public async Task SaveAnswerAsync_NewIdForTheSameMessage_UpdatesTheExistingRow()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        var answer = Answer(prompt, TestData.NewUserKey(), overall: 40);
        await sut.SaveAnswerAsync(answer);

        var edited = Answer(prompt, answer.UserKey, T0.AddHours(2), answer.MessageId, overall: 90);
        await sut.SaveAnswerAsync(edited);

        var stored = Assert.Single(await sut.GetAnswersAsync(prompt.Id));
        JsonAssert.Equivalent(edited with { Id = answer.Id, CreatedAt = answer.CreatedAt, UpdatedAt = edited.CreatedAt }, stored);
    }

    [Fact]
    public async Task SaveAnswerAsync_SameMessageConcurrently_OneRow()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        var userKey = TestData.NewUserKey();

        await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            Task.Run(() => sut.SaveAnswerAsync(Answer(prompt, userKey, messageId: "msg-1", overall: 50 + i)))));

        Assert.Single(await sut.GetAnswersAsync(prompt.Id));
    }

    [Fact]
    public async Task SaveAnswerAsync_AnswersWithoutMessageId_AreNotMerged()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());

        await sut.SaveAnswerAsync(Answer(prompt, TestData.NewUserKey()) with { MessageId = null });
        await sut.SaveAnswerAsync(Answer(prompt, TestData.NewUserKey()) with { MessageId = null });

        Assert.Equal(2, (await sut.GetAnswersAsync(prompt.Id)).Count);
    }

    [Fact]
    public async Task FindAnswerAsync_OtherPromptOrMessage_Null()
    {
        var sut = CreateSut();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        var answer = Answer(prompt, TestData.NewUserKey());
        await sut.SaveAnswerAsync(answer);

        Assert.Null(await sut.FindAnswerAsync(Guid.NewGuid(), answer.MessageId!));
        Assert.Null(await sut.FindAnswerAsync(prompt.Id, "msg-unknown"));
    }

    [Fact]
    public async Task FindPromptByPostAsync_PostedPrompt_FoundByItsPostIdInItsPlaceOnly()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var prompt = Prompt(Guid.NewGuid(), placeKey);
        var other = Prompt(prompt.ScheduleId, placeKey, T0.AddDays(1));
        await sut.TryAddPromptAsync(prompt);
        await sut.TryAddPromptAsync(other);

        var posted = prompt with { ThreadId = "B0BOT:T0TEAM:C0STUDY", PostId = "1767254400.000001" };
        await sut.UpdatePromptAsync(posted);
        await sut.UpdatePromptAsync(other with { PostId = "1767340800.000001" });

        Assert.Equal(posted, await sut.GetPromptAsync(prompt.Id));
        Assert.Equal(posted, await sut.FindPromptByPostAsync(placeKey, "1767254400.000001"));
        Assert.Null(await sut.FindPromptByPostAsync(NewPlaceKey(), "1767254400.000001"));
        Assert.Null(await sut.FindPromptByPostAsync(placeKey, "1767254400.000002"));
    }

    [Fact]
    public async Task GetAnswersAsync_SeveralPrompts_OldestFirstAndOnlyThePrompts()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var monday = Prompt(Guid.NewGuid(), placeKey, T0);
        var tuesday = Prompt(monday.ScheduleId, placeKey, T0.AddDays(1));
        var late = Answer(monday, TestData.NewUserKey(), T0.AddMinutes(30));
        var early = Answer(monday, TestData.NewUserKey(), T0.AddMinutes(1));
        foreach (var answer in new[] { Answer(tuesday, early.UserKey, T0.AddDays(1).AddMinutes(2)), late, early })
        {
            await sut.SaveAnswerAsync(answer);
        }

        Assert.Equal([early.Id, late.Id], (await sut.GetAnswersAsync(monday.Id)).Select(a => a.Id));
    }

    [Fact]
    public async Task GetAnsweredPromptIdsAsync_Member_IdsOfThePromptsTheyAnsweredInThePlaceOnly()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var (member, other) = (TestData.NewUserKey(), TestData.NewUserKey());
        var monday = Prompt(Guid.NewGuid(), placeKey, T0);
        var tuesday = Prompt(monday.ScheduleId, placeKey, T0.AddDays(1));
        var wednesday = Prompt(monday.ScheduleId, placeKey, T0.AddDays(2));
        var elsewhere = Prompt(Guid.NewGuid(), NewPlaceKey());
        foreach (var answer in new[]
        {
            Answer(monday, member), Answer(monday, member, T0.AddMinutes(9)), Answer(tuesday, member), Answer(wednesday, other), Answer(elsewhere, member),
        })
        {
            await sut.SaveAnswerAsync(answer);
        }

        Assert.Equal(new HashSet<Guid> { monday.Id, tuesday.Id }, await sut.GetAnsweredPromptIdsAsync(placeKey, member));
        Assert.Empty(await sut.GetAnsweredPromptIdsAsync(placeKey, TestData.NewUserKey()));
    }

    [Fact]
    public async Task GetAnsweredPromptIdsByMemberAsync_SomeMembers_EachMappedToTheirPromptIds()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var (ada, bob, cy, silent) = (TestData.NewUserKey(), TestData.NewUserKey(), TestData.NewUserKey(), TestData.NewUserKey());
        var monday = Prompt(Guid.NewGuid(), placeKey, T0);
        var tuesday = Prompt(monday.ScheduleId, placeKey, T0.AddDays(1));
        foreach (var answer in new[] { Answer(monday, ada), Answer(tuesday, ada), Answer(tuesday, bob), Answer(monday, cy) })
        {
            await sut.SaveAnswerAsync(answer);
        }

        var byMember = await sut.GetAnsweredPromptIdsByMemberAsync(placeKey, [ada, bob, silent]);

        Assert.Equal(new[] { ada, bob, silent }.Order(StringComparer.Ordinal), byMember.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new HashSet<Guid> { monday.Id, tuesday.Id }, byMember[ada]);
        Assert.Equal(new HashSet<Guid> { tuesday.Id }, byMember[bob]);
        Assert.Empty(byMember[silent]);
        Assert.Empty(await sut.GetAnsweredPromptIdsByMemberAsync(placeKey, []));
    }

    [Fact]
    public async Task GetAnsweredPromptIdsAsync_GradeUnreadable_StillAnswers()
    {
        // Streaks need ids only: the query must not read (or deserialize) answer text and grades.
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var member = TestData.NewUserKey();
        var prompt = Prompt(Guid.NewGuid(), placeKey);
        var answer = Answer(prompt, member);
        await sut.SaveAnswerAsync(answer);
        await using (var db = database.CreateContext())
        {
            await db.ChannelAnswers.Where(a => a.Id == answer.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.GradeJson, "not json"));
        }

        Assert.Equal(new HashSet<Guid> { prompt.Id }, await sut.GetAnsweredPromptIdsAsync(placeKey, member));
        await Assert.ThrowsAnyAsync<Exception>(() => sut.GetAnswersAsync(prompt.Id)); // the full read does deserialize it
    }

    // ---- members ----

    [Fact]
    public async Task SetNamedInRecapsAsync_OptInsAndOptOut_OnlyOptedInMembersOfThePlaceAreNamed()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var (ada, bob, cy) = (TestData.NewUserKey(), TestData.NewUserKey(), TestData.NewUserKey());

        await sut.SetNamedInRecapsAsync(placeKey, ada, named: true);
        await sut.SetNamedInRecapsAsync(placeKey, bob, named: true);
        await sut.SetNamedInRecapsAsync(placeKey, bob, named: false);
        await sut.SetNamedInRecapsAsync(placeKey, cy, named: false);
        await sut.SetNamedInRecapsAsync(NewPlaceKey(), cy, named: true);

        Assert.Equal(new HashSet<string> { ada }, await sut.GetNamedMembersAsync(placeKey));
    }

    [Fact]
    public async Task GetNamedMembersAsync_UnknownPlace_Empty()
    {
        Assert.Empty(await CreateSut().GetNamedMembersAsync(NewPlaceKey()));
    }

    // ---- deliveries ----

    [Fact]
    public async Task TryRecordDeliveryAsync_NewKey_TrueAndRoundTripsAllFields()
    {
        var sut = CreateSut();
        var delivery = Delivery(NewPlaceKey()) with { Attempts = 2, LastError = "429 throttled", ThreadId = "19:c@thread.tacv2;messageid=5" };

        Assert.True(await sut.TryRecordDeliveryAsync(delivery));

        Assert.Equal(delivery, await sut.GetDeliveryAsync(delivery.Key));
    }

    [Fact]
    public async Task TryRecordDeliveryAsync_ExistingKey_FalseAndFirstRecordKept()
    {
        var sut = CreateSut();
        var delivery = Delivery(NewPlaceKey());
        await sut.TryRecordDeliveryAsync(delivery);

        Assert.False(await sut.TryRecordDeliveryAsync(delivery with { State = DeliveryState.Sent, Attempts = 3 }));

        Assert.Equal(delivery, await sut.GetDeliveryAsync(delivery.Key));
    }

    [Fact]
    public async Task TryRecordDeliveryAsync_RacingTasksForOneKey_ExactlyOneTrue()
    {
        var sut = CreateSut();
        var delivery = Delivery(NewPlaceKey());
        using var start = new ManualResetEventSlim();

        var racers = Enumerable.Range(0, Racers)
            .Select(i => Task.Run(() =>
            {
                start.Wait();
                return sut.TryRecordDeliveryAsync(delivery with { Attempts = i });
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, recorded => recorded);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Deliveries.CountAsync(d => d.Key == delivery.Key));
    }

    [Fact]
    public async Task TryRecordDeliveryAsync_RowTheDatabaseRejects_ThrowsInsteadOfFalse()
    {
        var invalid = Delivery(NewPlaceKey()) with { Kind = null! };

        await Assert.ThrowsAsync<DbUpdateException>(() => CreateSut().TryRecordDeliveryAsync(invalid));
    }

    [Fact]
    public async Task UpdateDeliveryAsync_Sent_StoresStateAttemptsErrorAndThread()
    {
        var sut = CreateSut();
        var delivery = Delivery(NewPlaceKey());
        await sut.TryRecordDeliveryAsync(delivery);

        var sent = delivery with { State = DeliveryState.Sent, Attempts = 2, LastError = "503 once", ThreadId = "19:c@thread.tacv2;messageid=9", UpdatedAt = T0.AddSeconds(30) };
        await sut.UpdateDeliveryAsync(sent);

        Assert.Equal(sent, await sut.GetDeliveryAsync(delivery.Key));
    }

    [Fact]
    public async Task UpdateDeliveryAsync_NeverRecorded_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut().UpdateDeliveryAsync(Delivery(NewPlaceKey())));
    }

    [Fact]
    public async Task GetDeliveryAsync_UnknownKey_Null()
    {
        Assert.Null(await CreateSut().GetDeliveryAsync($"daily:{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task GetPendingDeliveriesAsync_MixedStates_OnlyPendingOldestDueFirst()
    {
        var sut = CreateSut();
        var placeKey = NewPlaceKey();
        var later = Delivery(placeKey, T0.AddHours(2));
        var earlier = Delivery(placeKey, T0.AddHours(1));
        var sent = Delivery(placeKey, T0, DeliveryState.Sent);
        var failed = Delivery(placeKey, T0, DeliveryState.Failed);
        var skipped = Delivery(placeKey, T0, DeliveryState.Skipped);
        var sentLater = Delivery(placeKey, T0);
        foreach (var delivery in new[] { later, earlier, sent, failed, skipped, sentLater })
        {
            await sut.TryRecordDeliveryAsync(delivery);
        }

        await sut.UpdateDeliveryAsync(sentLater with { State = DeliveryState.Sent });

        var pending = (await sut.GetPendingDeliveriesAsync()).Where(d => d.PlaceKey == placeKey).ToList();
        Assert.Equal([earlier, later], pending);
    }

    // ---- forget me ----

    [Fact]
    public async Task ForgetMemberAsync_MemberWithAnswersAndPreferences_DeletesThemEverywhereAndCounts()
    {
        var sut = CreateSut();
        var (placeA, placeB) = (NewPlaceKey(), NewPlaceKey());
        var (member, other) = (TestData.NewUserKey(), TestData.NewUserKey());
        var promptA = Prompt(Guid.NewGuid(), placeA);
        var promptB = Prompt(Guid.NewGuid(), placeB);
        var kept = Answer(promptA, other);
        foreach (var answer in new[] { Answer(promptA, member), Answer(promptB, member), Answer(promptB, member, T0.AddMinutes(9)), kept })
        {
            await sut.SaveAnswerAsync(answer);
        }

        await sut.SetNamedInRecapsAsync(placeA, member, named: true);
        await sut.SetNamedInRecapsAsync(placeB, member, named: false);
        await sut.SetNamedInRecapsAsync(placeA, other, named: true);

        var deleted = await sut.ForgetMemberAsync(member);

        Assert.Equal(5, deleted);
        Assert.Equal([kept.Id], (await sut.GetAnswersAsync(promptA.Id)).Select(a => a.Id));
        Assert.Empty(await sut.GetAnswersAsync(promptB.Id));
        Assert.Empty(await sut.GetAnsweredPromptIdsAsync(placeA, member));
        Assert.Equal(new HashSet<string> { other }, await sut.GetNamedMembersAsync(placeA));
        await using var db = database.CreateContext();
        Assert.False(await db.ChannelMembers.AnyAsync(m => m.UserKey == member));
        Assert.Equal(0, await sut.ForgetMemberAsync(member));
    }

    [Fact]
    public async Task EraseAsync_ForgetMeTurn_DeletesTheLearnersChannelAnswers()
    {
        var sut = CreateSut();
        var member = TestData.NewUserKey();
        var prompt = Prompt(Guid.NewGuid(), NewPlaceKey());
        await sut.SaveAnswerAsync(Answer(prompt, member));
        var eraser = Assert.Single(database.Services.GetServices<ILearnerDataEraser>(), e => e is EfStudyChannelStore);

        var deleted = await eraser.EraseAsync(new ChatTurn(member, "msteams", "a:1", null, "forget me confirm", null));

        Assert.Equal(1, deleted);
        Assert.Empty(await sut.GetAnswersAsync(prompt.Id));
    }

    [Fact]
    public void Registration_StoreIsASingletonAndALearnerDataEraser()
    {
        var store = database.Services.GetRequiredService<IStudyChannelStore>();

        Assert.IsType<EfStudyChannelStore>(store);
        Assert.Same(store, database.Services.GetRequiredService<IStudyChannelStore>());
        Assert.Contains(database.Services.GetServices<ILearnerDataEraser>(), e => ReferenceEquals(e, store));
    }
}
