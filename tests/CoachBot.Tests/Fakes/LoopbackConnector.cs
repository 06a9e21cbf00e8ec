using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1: it implements the routes a bot calls to reply and send
/// (<c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>) and records every activity.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedActivity> _activities = new();

    private LoopbackConnector(WebApplication app) => _app = app;

    /// <summary>The service URL to put on inbound activities.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Everything the bot sent, in arrival order.</summary>
    public IReadOnlyList<RecordedActivity> Activities => [.. _activities];

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string conversationId, string? replyToId, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            connector._activities.Enqueue(new RecordedActivity(Uri.UnescapeDataString(conversationId), replyToId, body, request.Headers.Authorization.ToString()));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
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
}

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
