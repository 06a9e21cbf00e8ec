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
        var entry = Assert.Single(audit.AsArray())!;
        Assert.Equal(("schedule.run", "key:config-0"), ((string?)entry["action"], (string?)entry["actorId"]));
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
