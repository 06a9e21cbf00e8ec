using CoachBot.Core.Channels;

namespace CoachBot.Infrastructure.Tests;

/// <summary>Sample study-channel records. Keys and ids are unique per call so tests sharing a database do not interfere.</summary>
internal static class StudyChannelTestData
{
    // Fractions to the microsecond: PostgreSQL keeps microseconds, SQLite 100 ns ticks (each provider's precision: DateTimeStorageTests).
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(7654320);

    public static string NewPlaceKey() => $"msteams:19:{Guid.NewGuid():N}@thread.tacv2";

    public static StudyPlace Place(string? placeKey = null, bool active = true, FeedbackMode feedback = FeedbackMode.Private, DateTimeOffset? updatedAt = null)
    {
        placeKey ??= NewPlaceKey();
        var conversationId = placeKey["msteams:".Length..];
        return new StudyPlace(placeKey, "msteams", conversationId, PlaceKind.TeamsChannel, "https://smba.trafficmanager.net/emea/",
            "tenant-1", "19:team@thread.tacv2", conversationId, "28:bot-id", "Interview prep ✓", active, feedback, updatedAt ?? T0);
    }

    public static DailySchedule Schedule(string placeKey, DateTimeOffset? createdAt = null, bool active = true) =>
        new(Guid.NewGuid(), placeKey, new TimeOnly(9, 30, 15, 123, 456), "Europe/Berlin",
            [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday], "amazon-customer-trust",
            [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)],
            active, TestData.NewUserKey(), createdAt ?? T0);

    public static DailyPrompt Prompt(Guid scheduleId, string placeKey, DateTimeOffset? occurrenceUtc = null, string? threadId = null)
    {
        var occurrence = occurrenceUtc ?? T0;
        return new DailyPrompt(Guid.NewGuid(), scheduleId, placeKey, occurrence, "amazon-customer-trust", 3, "q2", threadId,
            occurrence.AddHours(8), null);
    }

    public static ChannelAnswer Answer(DailyPrompt prompt, string userKey, DateTimeOffset? createdAt = null, string? messageId = null, int overall = 72) =>
        new(Guid.NewGuid(), prompt.Id, prompt.PlaceKey, userKey, "Ada Lovelace", messageId ?? $"msg-{Guid.NewGuid():N}",
            "We told the customer first, then rotated the keys within the hour.", TestData.Grade(overall), createdAt ?? T0.AddMinutes(5), null);

    public static Delivery Delivery(string placeKey, DateTimeOffset? dueUtc = null, DeliveryState state = DeliveryState.Pending)
    {
        var due = dueUtc ?? T0;
        return new Delivery($"daily:{Guid.NewGuid():N}:{due.UtcTicks}:{placeKey}", "daily", placeKey, due, state, 0, null, null, due);
    }
}
