using System.Net;
using CoachBot.Tests.StudyChannels;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Study channels through the API: a Teams channel subscribed in chat, listed with its next fire time, and run now.</summary>
public sealed class SchedulesApiTests : AdminApiTest
{
    private const string Channel = "19:api-study@thread.tacv2";
    private const string ChatAdmin = "29:admin";

    [Fact]
    public async Task ASubscribedChannel_IsListedWithItsNextFireTime_AndRunPostsThroughTheConnector()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Admin:Users:0"] = ChatAdmin });
        await host.PostActivityAsync(TeamsChannelHttp.Message(Connector.ServiceUrl, Channel, "<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin weekdays", Channel, ChatAdmin));
        await Connector.WaitForAsync(Channel, 1);

        var subscriptions = await ReadAsync(await GetAsync(host, "/api/admin/subscriptions"), HttpStatusCode.OK);

        var place = Assert.Single(subscriptions.AsArray())!;
        Assert.Equal($"msteams:{Channel}", (string?)place["placeKey"]);
        Assert.Equal("teams-channel", (string?)place["kind"]);
        var schedule = Assert.Single(place["schedules"]!.AsArray())!;
        Assert.Equal("09:00:00", (string?)schedule["localTime"]);
        Assert.Equal("Europe/Berlin", (string?)schedule["timeZone"]);
        var next = DateTimeOffset.Parse((string)schedule["nextFireUtc"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime));
        var id = (string)schedule["id"]!;
        var one = await ReadAsync(await GetAsync(host, $"/api/admin/schedules/{id}"), HttpStatusCode.OK);
        Assert.Equal((string?)schedule["nextFireUtc"], (string?)one["nextFireUtc"]);

        var run = await ReadAsync(await SendAsync(host, HttpMethod.Post, $"/api/admin/schedules/{id}/run"), HttpStatusCode.OK);

        Assert.Equal("sent", (string?)run["outcome"]);
        var thread = await TeamsChannelHttp.WaitAsync(() => Connector.Conversations.FirstOrDefault(c => c.Id.StartsWith(Channel + ";messageid=", StringComparison.Ordinal)));
        Assert.Contains("Question of the day", thread.Parameters.ToString(), StringComparison.Ordinal);
        var audit = await ReadAsync(await GetAsync(host, $"/api/admin/audit?target=schedule/{id}"), HttpStatusCode.OK);
        Assert.Equal(
            [("schedule.run", "key:config-0"), ("schedule.subscribe", ChatAdmin)], // newest first
            audit.AsArray().Select(e => ((string?)e!["action"], (string?)e["actorId"])));
    }

    [Fact]
    public async Task APlaceTheBotIsIn_IsSubscribedSkippedAndUnsubscribedOverTheApi_AsInChat()
    {
        await using var host = await StartAsync();
        const string channel = "19:api-subscribe@thread.tacv2";
        await host.PostActivityAsync(TeamsChannelHttp.Message(Connector.ServiceUrl, channel, "<at>CoachBot</at> help", channel, "29:member"));
        await Connector.WaitForAsync(channel, 1); // the bot is in the channel now
        var daily = $"/api/admin/subscriptions/{Uri.EscapeDataString($"msteams:{channel}")}/daily";

        var created = await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "07:30", timeZone = "America/New_York", days = "mon,wed,fri" }));
        var schedule = await ReadAsync(created, HttpStatusCode.Created);
        var id = (string)schedule["id"]!;
        Assert.Equal($"/api/admin/schedules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("07:30:00", "America/New_York", SeedSet), ((string?)schedule["localTime"], (string?)schedule["timeZone"], (string?)schedule["setId"]));
        Assert.Equal(["monday", "wednesday", "friday"], schedule["days"]!.AsArray().Select(d => (string?)d));
        var next = DateTimeOffset.Parse((string)schedule["nextFireUtc"]!, System.Globalization.CultureInfo.InvariantCulture);
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(local.DateTime));
        Assert.Contains(local.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday });

        var skipped = await ReadAsync(await SendAsync(host, HttpMethod.Post, daily.Replace("/daily", "/skips", StringComparison.Ordinal), content: Json(new { date = "2027-12-24" })), HttpStatusCode.OK);
        Assert.Equal("2027-12-24", (string?)skipped["date"]);
        var stored = await ReadAsync(await GetAsync(host, $"/api/admin/schedules/{id}"), HttpStatusCode.OK);
        Assert.Equal(["2027-12-24"], stored["skipDates"]!.AsArray().Select(d => (string?)d));

        var replaced = await ReadAsync(await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "08:00", timeZone = "Europe/Berlin" })), HttpStatusCode.Created);
        var place = Assert.Single((await ReadAsync(await GetAsync(host, "/api/admin/subscriptions"), HttpStatusCode.OK)).AsArray())!;
        Assert.Equal([(id, false), ((string)replaced["id"]!, true)], place["schedules"]!.AsArray().Select(s => ((string)s!["id"]!, (bool)s["active"]!)).OrderBy(s => s.Item2));
        Assert.Equal(7, replaced["days"]!.AsArray().Count); // no days: every day

        var stopped = await ReadAsync(await SendAsync(host, HttpMethod.Delete, daily), HttpStatusCode.OK);
        Assert.Equal(1, (int)stopped["stopped"]!);
        Assert.Equal(0, (int)(await ReadAsync(await SendAsync(host, HttpMethod.Delete, daily), HttpStatusCode.OK))["stopped"]!);
        var audit = await ReadAsync(await GetAsync(host, "/api/admin/audit?target=schedule/"), HttpStatusCode.OK);
        Assert.Equal(
            ["schedule.unsubscribe", "schedule.subscribe", "schedule.skip", "schedule.subscribe"], // a subscribe replaces the old schedule
            audit.AsArray().Select(e => (string?)e!["action"]));
        Assert.All(audit.AsArray(), e => Assert.Equal("key:config-0", (string?)e!["actorId"]));
        Assert.Empty(Connector.Conversations); // nothing was posted: the first occurrence is in the future
    }

    [Fact]
    public async Task SubscribingOverTheApi_RefusesBadFields_UnknownPlacesAndSets_WithProblemsNamingThem()
    {
        await using var host = await StartAsync();
        const string channel = "19:api-subscribe-errors@thread.tacv2";
        await host.PostActivityAsync(TeamsChannelHttp.Message(Connector.ServiceUrl, channel, "<at>CoachBot</at> help", channel, "29:member"));
        await Connector.WaitForAsync(channel, 1);
        var daily = $"/api/admin/subscriptions/{Uri.EscapeDataString($"msteams:{channel}")}/daily";

        var badTime = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "25:00", timeZone = "Europe/Berlin" })), HttpStatusCode.BadRequest);
        var badZone = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "09:00", timeZone = "Mars/Olympus" })), HttpStatusCode.BadRequest);
        var badDays = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "09:00", timeZone = "Europe/Berlin", days = "someday" })), HttpStatusCode.BadRequest);
        var badSet = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, daily, content: Json(new { time = "09:00", timeZone = "Europe/Berlin", setId = "no-such-set" })), HttpStatusCode.NotFound);
        var noPlace = await ReadProblemAsync(await SendAsync(host, HttpMethod.Put, "/api/admin/subscriptions/msteams%3A19%3Anowhere/daily", content: Json(new { time = "09:00", timeZone = "Europe/Berlin" })), HttpStatusCode.NotFound);
        var badDate = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, daily.Replace("/daily", "/skips", StringComparison.Ordinal), content: Json(new { date = "24.12.2027" })), HttpStatusCode.BadRequest);
        var nothingToSkip = await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, daily.Replace("/daily", "/skips", StringComparison.Ordinal), content: Json(new { date = "2027-12-24" })), HttpStatusCode.NotFound);

        Assert.NotNull(badTime["errors"]!["time"]);
        Assert.NotNull(badZone["errors"]!["timeZone"]);
        Assert.NotNull(badDays["errors"]!["days"]);
        Assert.Contains("no-such-set", (string?)badSet["detail"], StringComparison.Ordinal);
        Assert.Contains("not in a place", (string?)noPlace["detail"], StringComparison.Ordinal);
        Assert.NotNull(badDate["errors"]!["date"]);
        Assert.Contains("Subscribe the channel first", (string?)nothingToSkip["detail"], StringComparison.Ordinal);
        var place = Assert.Single((await ReadAsync(await GetAsync(host, "/api/admin/subscriptions"), HttpStatusCode.OK)).AsArray())!;
        Assert.Empty(place["schedules"]!.AsArray()); // nothing was stored
        Assert.Empty((await ReadAsync(await GetAsync(host, "/api/admin/audit?target=schedule/"), HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task AnUnknownSchedule_Is404()
    {
        await using var host = await StartAsync();

        await ReadProblemAsync(await GetAsync(host, $"/api/admin/schedules/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await SendAsync(host, HttpMethod.Post, $"/api/admin/schedules/{Guid.NewGuid()}/run"), HttpStatusCode.NotFound);
        Assert.Empty(Connector.Conversations);
    }
}
