using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>A file host on 127.0.0.1 standing in for Teams' download URLs and the Emulator's attachment URLs; it counts requests.</summary>
public sealed class LoopbackFiles : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private LoopbackFiles(WebApplication app) => _app = app;

    /// <summary>Every requested path, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<LoopbackFiles> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new LoopbackFiles(app);
        app.MapGet("/{**path}", async (string path, HttpContext context) =>
        {
            files._requests.Enqueue(path);
            if (!files._files.TryGetValue(path, out var file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = file.ContentType;
            await context.Response.Body.WriteAsync(file.Body);
        });
        await app.StartAsync();
        files.BaseUrl = app.Urls.Single().TrimEnd('/');
        return files;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> and returns its URL.</summary>
    public string Add(string path, byte[] body, string contentType = "application/octet-stream")
    {
        _files[path] = (body, contentType);
        return $"{BaseUrl}/{path}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
