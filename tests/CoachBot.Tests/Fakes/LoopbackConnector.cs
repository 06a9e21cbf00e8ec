using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1: it implements the routes a bot calls to reply and send
/// (<c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>) and to start conversations
/// (<c>POST /v3/conversations</c>: a Teams channel thread or a 1:1 chat), records every activity, every created
/// conversation and every request with its answer, and can answer chosen requests with a failure
/// (<see cref="FailNext"/>): 429 with Retry-After, 503, 403.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedActivity> _activities = new();
    private readonly ConcurrentQueue<RecordedConversation> _conversations = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<FailureRule> _failures = [];
    private long _nextMessageId = 1_700_000_000_000;

    private LoopbackConnector(WebApplication app) => _app = app;

    /// <summary>The service URL to put on inbound activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Everything the bot sent, in arrival order (initial activities of created conversations included).</summary>
    public IReadOnlyList<RecordedActivity> Activities => [.. _activities];

    /// <summary>Every conversation the bot created, in arrival order.</summary>
    public IReadOnlyList<RecordedConversation> Conversations => [.. _conversations];

    /// <summary>Every request to the two routes, failed ones included, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Answers the next <paramref name="count"/> requests for <paramref name="target"/> (a conversation id for sends,
    /// the Teams channel id or the member id for conversation creates; null = any request) with
    /// <paramref name="status"/>, a <c>Retry-After</c> header when given, and a Bot Framework error body.
    /// </summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null, string? target = null, string? code = null)
    {
        lock (_failures)
        {
            _failures.Add(new FailureRule(target, count, status, retryAfter, code ?? (status == 403 ? "ConversationBlockedByUser" : "ServiceError")));
        }
    }

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, string? replyToId, HttpContext context) =>
        {
            var id = Uri.UnescapeDataString(conversationId);
            var body = await ReadAsync(context.Request);
            if (await connector.TryFailAsync(id, context))
            {
                return;
            }

            connector._activities.Enqueue(new RecordedActivity(id, replyToId, body, context.Request.Headers.Authorization.ToString()));
            connector.Record(id, 200);
            await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/v3/conversations", async (HttpContext context) =>
        {
            var body = await ReadAsync(context.Request);
            var channel = (string?)body.SelectToken("channelData.channel.id");
            var member = (string?)body.SelectToken("members[0].id");
            var target = channel ?? member ?? string.Empty;
            if (await connector.TryFailAsync(target, context))
            {
                return;
            }

            var activity = body["activity"] as JObject;
            var activityId = activity is null ? null : Interlocked.Increment(ref connector._nextMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);

            // Teams: a channel post starts a thread whose conversation id carries the first message's id; a 1:1
            // conversation with a member is the same conversation every time it is "created".
            var id = channel is not null ? $"{channel};messageid={activityId ?? "0"}" : $"a:1on1-{member}";
            connector._conversations.Enqueue(new RecordedConversation(id, activityId, body));
            if (activity is not null)
            {
                connector._activities.Enqueue(new RecordedActivity(id, null, activity, context.Request.Headers.Authorization.ToString()));
            }

            connector.Record(target, 200);
            await context.Response.WriteAsJsonAsync(new { id, activityId });
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived for the conversation.</summary>
    public async Task<IReadOnlyList<RecordedActivity>> WaitForAsync(string conversationId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Activities.Where(a => a.ConversationId == conversationId).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<JObject> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return JObject.Parse(await reader.ReadToEndAsync());
    }

    private void Record(string target, int status) => _requests.Enqueue(new RecordedRequest(target, status, DateTimeOffset.UtcNow));

    private async Task<bool> TryFailAsync(string target, HttpContext context)
    {
        FailureRule? rule;
        lock (_failures)
        {
            rule = _failures.FirstOrDefault(r => r.Remaining > 0 && (r.Target is null || r.Target == target));
            if (rule is not null)
            {
                rule.Remaining--;
            }
        }

        if (rule is null)
        {
            return false;
        }

        Record(target, rule.Status);
        context.Response.StatusCode = rule.Status;
        if (rule.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new { error = new { code = rule.Code, message = "Injected by the loopback connector." } });
        return true;
    }

    private sealed class FailureRule(string? target, int count, int status, TimeSpan? retryAfter, string code)
    {
        public string? Target { get; } = target;

        public int Remaining { get; set; } = count;

        public int Status { get; } = status;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public string Code { get; } = code;
    }
}

/// <summary>One conversation the bot created: its id, the first activity's id (when one was posted) and the request body.</summary>
public sealed record RecordedConversation(string Id, string? ActivityId, JObject Parameters);

/// <summary>One request as the connector answered it: the conversation or channel/member it was for, the status, when.</summary>
public sealed record RecordedRequest(string Target, int Status, DateTimeOffset At);

/// <summary>One activity the bot sent.</summary>
public sealed record RecordedActivity(string ConversationId, string? ReplyToId, JObject Body, string Authorization)
{
    /// <summary>All user-visible text: the activity text, its summary and every TextBlock/Fact of its cards.</summary>
    public string VisibleText
    {
        get
        {
            var parts = new List<string?> { (string?)Body["text"], (string?)Body["summary"] };
            foreach (var attachment in Body["attachments"] as JArray ?? [])
            {
                parts.AddRange(attachment.SelectTokens("$..text").Select(t => (string?)t));
                parts.AddRange(attachment.SelectTokens("$..facts[*]").Select(f => $"{f["title"]}: {f["value"]}"));
            }

            return string.Join("\n", parts.Where(p => !string.IsNullOrEmpty(p)));
        }
    }

    /// <summary>The content of the first Adaptive Card attachment, or null.</summary>
    public JObject? Card => (Body["attachments"] as JArray)?.FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"] as JObject;
}
