using System.Globalization;
using CoachBot.Core.Admin;
using CoachBot.Core.Channels;

namespace CoachBot.Admin.Web.Pages;

/// <summary><c>/admin/channels</c>: the places the bot is in, whether each is active, and their daily schedules with the next post.</summary>
public sealed class ChannelsModel(AdminService admin) : AdminPageModel
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Every place with its schedules, active places first.</summary>
    public IReadOnlyList<SubscriptionView> Places { get; private set; } = [];

    /// <summary>Loads the places.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Places = await admin.Channels.ListAsync(cancellationToken);

    /// <summary>A schedule's days in words.</summary>
    public static string DescribeDays(IReadOnlyList<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var set = days.ToHashSet();
        return set.Count switch
        {
            0 or 7 => "every day",
            5 when Weekdays.All(set.Contains) => "weekdays",
            _ => string.Join(", ", Enum.GetValues<DayOfWeek>().Where(set.Contains).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d))),
        };
    }

    /// <summary>The next post in UTC and in the schedule's own time zone.</summary>
    public static string DescribeNext(ScheduleView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.NextFireUtc is not { } next)
        {
            return "none (paused)";
        }

        var utc = next.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return TimeZoneInfo.TryFindSystemTimeZoneById(view.Schedule.TimeZoneId, out var zone)
            ? $"{TimeZoneInfo.ConvertTime(next, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} local ({utc})"
            : utc;
    }

    /// <summary>A place's kind in words.</summary>
    public static string DescribeKind(PlaceKind kind) => kind switch
    {
        PlaceKind.TeamsChannel => "Teams channel",
        PlaceKind.GroupChat => "Teams group chat",
        PlaceKind.SlackChannel => "Slack channel",
        _ => "Group conversation",
    };
}
