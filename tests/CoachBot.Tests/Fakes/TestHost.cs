using System.Net.Http.Json;
using CoachBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// The real CoachBot host on Kestrel at 127.0.0.1 (a free port), on a real database (SQLite, or PostgreSQL with COACHBOT_TEST_STORAGE=postgres), talking to a
/// <see cref="LoopbackConnector"/>. Several hosts can be started one after another on the same database
/// to test restarts, or side by side to test instances; they share nothing the app does not keep in the database
/// (not even the default data-protection key folder: see <see cref="MachineLocalKeyRing"/>).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the host; <paramref name="configure"/> may add registrations the host does not make yet. With
    /// <paramref name="initialize"/> false, <c>InitializeCoachBotAsync</c> (migration and seeding before the start) is
    /// skipped: only the host's own hosted services prepare the database.
    /// </summary>
    public static async Task<TestHost> StartAsync(
        ThrowawayDatabase database, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool initialize = true)
    {
        // Quartz keeps schedulers in a process-wide repository by name: hosts running side by side in this test
        // process would otherwise share the first one's scheduler (and its database).
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
            "--Scheduling:InstanceName", $"CoachBotTest-{Guid.NewGuid():N}",
        };
        args.AddRange(database.CommandLine);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}");
            args.Add(value ?? string.Empty);
        }

        var app = CoachBotApp.Build([.. args], RunMode.Serve, builder =>
        {
            MachineLocalKeyRing.AddTo(builder.Services); // each host is its own machine, as far as data protection goes
            configure?.Invoke(builder);
        });
        if (initialize)
        {
            await app.InitializeCoachBotAsync();
        }

        app.MapCoachBotEndpoints();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        return new TestHost(app, client);
    }

    /// <summary>POSTs an activity to /api/messages, as a channel would.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JObject activity, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Stops the host the way SIGTERM does (requests in flight may finish); <see cref="DisposeAsync"/> still follows.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Builds inbound activities the way a channel shapes them.</summary>
public sealed class ActivityBuilder(string channelId, string serviceUrl, string conversationId, string userId = "29:user-1")
{
    public string ConversationId => conversationId;

    public JObject Message(string? text, JObject? value = null, string? id = null) => Base("message", id, text, value);

    public JObject Base(string type, string? id = null, string? text = null, JObject? value = null)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Ada Learner", ["aadObjectId"] = "aad-" + userId },
            ["recipient"] = new JObject { ["id"] = "28:coachbot", ["name"] = "CoachBot" },
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }
}
