using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>One request the fake LLM received.</summary>
internal sealed record RecordedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string MessageOf(string role) =>
        Json.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == role).GetProperty("content") switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString()!,
            var parts => string.Concat(parts.EnumerateArray().Select(p => p.GetProperty("text").GetString())),
        };

    public string SystemPrompt => MessageOf("system");

    public string UserMessage => MessageOf("user");
}

/// <summary>
/// What the fake LLM answers: a status, a body, headers, an optional delay before answering and an optional
/// <see cref="Hold"/>: a task the server awaits before answering, so a test decides when the LLM "finishes".
/// </summary>
internal sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public Task? Hold { get; init; }
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) speaking the OpenAI chat-completions wire format on
/// <c>POST /v1/chat/completions</c> (OpenAI) and <c>POST /openai/deployments/{deployment}/chat/completions</c> (Azure).
/// It records every request and answers with the responder's reply for that request (0-based index).
/// </summary>
internal sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly Func<RecordedRequest, int, FakeReply> responder;
    private int count;

    private FakeLlmServer(Func<RecordedRequest, int, FakeReply> responder)
    {
        this.responder = responder;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The OpenAI-style endpoint (<c>…/v1</c>).</summary>
    public string OpenAIEndpoint => new Uri(BaseAddress, "v1").ToString();

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToList();

    /// <summary>Starts a server that answers every request with <paramref name="responder"/>.</summary>
    public static async Task<FakeLlmServer> StartAsync(Func<RecordedRequest, int, FakeReply> responder)
    {
        var server = new FakeLlmServer(responder);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Starts a server that answers every request with the same reply.</summary>
    public static Task<FakeLlmServer> StartAsync(FakeReply reply) => StartAsync((_, _) => reply);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Stopwatch.GetTimestamp());
        requests.Enqueue(recorded);
        var reply = responder(recorded, Interlocked.Increment(ref count) - 1);

        var known = HttpMethods.IsPost(context.Request.Method)
            && (recorded.Path == "/v1/chat/completions"
                || (recorded.Path.StartsWith("/openai/deployments/", StringComparison.Ordinal) && recorded.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
        if (!known)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (reply.Delay > TimeSpan.Zero || reply.Hold is not null)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
                if (reply.Hold is not null)
                {
                    await reply.Hold.WaitAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (an attempt timeout); nothing to answer
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}
