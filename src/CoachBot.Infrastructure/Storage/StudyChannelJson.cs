using System.Globalization;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// The stored text of a schedule's days and skip dates. Both are written as plain JSON arrays of strings in
/// fixed, culture-free formats (day names, ISO dates), independent of how Core represents them.
/// </summary>
internal static class StudyChannelJson
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly Dictionary<string, DayOfWeek> DaysByName =
        Enum.GetValues<DayOfWeek>().ToDictionary(DayName, d => d, StringComparer.OrdinalIgnoreCase);

    /// <summary><c>["monday","friday"]</c>.</summary>
    public static string SerializeDays(IReadOnlyList<DayOfWeek> days) => StorageJson.SerializeIds([.. days.Select(DayName)]);

    public static IReadOnlyList<DayOfWeek> DeserializeDays(string json) =>
        [.. StorageJson.DeserializeIds(json).Select(name => DaysByName.TryGetValue(name, out var day)
            ? day
            : throw new FormatException($"Stored day of week '{name}' is not a day name."))];

    /// <summary><c>["2026-12-24","2026-12-31"]</c>.</summary>
    public static string SerializeDates(IReadOnlyList<DateOnly> dates) =>
        StorageJson.SerializeIds([.. dates.Select(d => d.ToString(DateFormat, CultureInfo.InvariantCulture))]);

    public static IReadOnlyList<DateOnly> DeserializeDates(string json) =>
        [.. StorageJson.DeserializeIds(json).Select(s => DateOnly.ParseExact(s, DateFormat, CultureInfo.InvariantCulture))];

    private static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => "sunday",
        DayOfWeek.Monday => "monday",
        DayOfWeek.Tuesday => "tuesday",
        DayOfWeek.Wednesday => "wednesday",
        DayOfWeek.Thursday => "thursday",
        DayOfWeek.Friday => "friday",
        DayOfWeek.Saturday => "saturday",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    };
}
