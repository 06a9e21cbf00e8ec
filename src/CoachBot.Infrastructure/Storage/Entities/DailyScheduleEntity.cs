namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>DailySchedules</c> (mirrors <see cref="Core.Channels.DailySchedule"/>).</summary>
internal sealed class DailyScheduleEntity
{
    public Guid Id { get; set; }

    public string PlaceKey { get; set; } = string.Empty;

    public TimeOnly LocalTime { get; set; }

    public string TimeZoneId { get; set; } = string.Empty;

    /// <summary>The days of the week as a JSON array of lower-case English day names (<c>["monday","friday"]</c>).</summary>
    public string Days { get; set; } = string.Empty;

    public string SetId { get; set; } = string.Empty;

    /// <summary>The skipped local dates as a JSON array of ISO dates (<c>["2026-12-24"]</c>).</summary>
    public string SkipDates { get; set; } = string.Empty;

    public bool Active { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
