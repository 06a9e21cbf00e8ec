using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CoachBot.FanOut;

/// <summary>
/// The smallest Bot Connector the sender needs, on Kestrel at 127.0.0.1: <c>POST /v3/conversations</c> (a Teams
/// channel thread: <c>{channel};messageid={n}</c>) and <c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>.
/// It counts requests, posts per channel and its own handler time, and records when each post arrived, so the
/// driver can check "exactly one post per place" and tell the sender's time from the connector's.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    /// <summary>Marks the driver's bare-HTTP baseline requests: answered like any other, not counted as posts.</summary>
    public const string BaselineHeader = "X-FanOut-Baseline";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _postsPerChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _postArrivals = new();
    private long _requests;
    private long _handlerTicks;
    private long _nextMessageId = 1_700_000_000_000;

    private LoopbackConnector(WebApplication app) => _app = app;

    /// <summary>The service URL to give the places.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every request answered on the two routes.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Channel posts (conversation creates carrying an activity) received.</summary>
    public int Posts => _postArrivals.Count;

    /// <summary>Distinct Teams channels that got at least one post.</summary>
    public int ChannelsPosted => _postsPerChannel.Count;

    /// <summary>Channels that got more than one post (must be zero).</summary>
    public int ChannelsPostedTwice => _postsPerChannel.Count(p => p.Value > 1);

    /// <summary>Total time spent inside the connector's request handling (body read, JSON, response write).</summary>
    public TimeSpan HandlerTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _handlerTicks));

    /// <summary>The first create-conversation body received, to replay as a bare HTTP baseline.</summary>
    public string? SampleCreateBody { get; private set; }

    /// <summary>Arrival times of the posts, in <see cref="Stopwatch.GetTimestamp"/> ticks.</summary>
    public IReadOnlyList<long> PostArrivals => [.. _postArrivals];

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            Interlocked.Add(ref connector._handlerTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref connector._requests);
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            await context.Response.WriteAsJsonAsync(new IdResponse(Guid.NewGuid().ToString("N")));
        });
        app.MapPost("/v3/conversations", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            using var body = JsonDocument.Parse(text);
            var root = body.RootElement;
            var channel = root.TryGetProperty("channelData", out var data) && data.TryGetProperty("channel", out var c) && c.TryGetProperty("id", out var id)
                ? id.GetString()
                : null;
            var hasActivity = root.TryGetProperty("activity", out var activity) && activity.ValueKind == JsonValueKind.Object;
            var activityId = hasActivity ? Interlocked.Increment(ref connector._nextMessageId).ToString(CultureInfo.InvariantCulture) : null;
            var conversationId = channel is null ? "a:1on1" : $"{channel};messageid={activityId ?? "0"}";
            if (channel is not null && hasActivity && !context.Request.Headers.ContainsKey(BaselineHeader))
            {
                connector.SampleCreateBody ??= text;
                connector._postsPerChannel.AddOrUpdate(channel, 1, static (_, n) => n + 1);
                connector._postArrivals.Enqueue(Stopwatch.GetTimestamp());
            }

            await context.Response.WriteAsJsonAsync(new CreatedResponse(conversationId, activityId));
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record IdResponse(string Id);

    private sealed record CreatedResponse(string Id, string? ActivityId);
}
