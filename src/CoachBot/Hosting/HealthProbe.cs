namespace CoachBot.Hosting;

/// <summary>
/// <c>healthcheck [url]</c>: one GET to a running host's <c>/healthz</c>; exit code 0 when it answers 2xx, else 1.
/// Container images of ASP.NET Core ship no curl or wget, so the Dockerfile's <c>HEALTHCHECK</c> runs the app itself in
/// this mode. No host is built and nothing is logged: it only sends the request and prints one line.
/// </summary>
public static class HealthProbe
{
    /// <summary>How long the probe waits for an answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private const string DefaultUrl = "http://127.0.0.1:3978/healthz";

    /// <summary>
    /// The address to probe: the first argument if given; else the host's own endpoint as ASP.NET Core picks it,
    /// <c>ASPNETCORE_URLS</c> (its first <c>http</c> entry) before <c>ASPNETCORE_HTTP_PORTS</c> (its first port), with a
    /// wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) read as 127.0.0.1; else the default port 3978.
    /// </summary>
    public static Uri ResolveUrl(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Count > 0)
        {
            return new Uri(args[0], UriKind.Absolute);
        }

        var urls = Split(environment("ASPNETCORE_URLS"));
        if (urls.Length > 0)
        {
            var url = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0];
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
            var hostEnd = url.LastIndexOf(':');
            var host = hostEnd > schemeEnd ? url[schemeEnd..hostEnd] : url[schemeEnd..].TrimEnd('/');
            var rest = hostEnd > schemeEnd ? url[hostEnd..].TrimEnd('/') : string.Empty;
            if (host is "+" or "*" or "0.0.0.0" or "[::]")
            {
                host = "127.0.0.1";
            }

            return new Uri($"{url[..schemeEnd]}{host}{rest}/healthz");
        }

        var ports = Split(environment("ASPNETCORE_HTTP_PORTS"));
        return ports.Length > 0 ? new Uri($"http://127.0.0.1:{ports[0]}/healthz") : new Uri(DefaultUrl);
    }

    /// <summary>Probes the address and returns the process exit code (0 healthy, 1 not).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Uri url;
        try
        {
            url = ResolveUrl(args, Environment.GetEnvironmentVariable);
        }
        catch (UriFormatException)
        {
            await output.WriteLineAsync($"unhealthy: '{string.Join(' ', args)}' is not an absolute URL");
            return 1;
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout;
        try
        {
            using var response = await client.GetAsync(url);
            var healthy = response.IsSuccessStatusCode;
            await output.WriteLineAsync($"{(healthy ? "healthy" : "unhealthy")}: {url} answered {(int)response.StatusCode}");
            return healthy ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {url}: {e.Message}");
            return 1;
        }
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
