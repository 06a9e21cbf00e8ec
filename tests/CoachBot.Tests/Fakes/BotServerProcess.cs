using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Fakes;

/// <summary>
/// The CoachBot server as a real OS process (the built CoachBot.dll) on 127.0.0.1 at a free port, started on a given
/// test database and ready once <c>/healthz</c> answers. Its standard output is kept line by line; disposing kills it.
/// It can also be killed outright (<see cref="Kill"/>, SIGKILL) or stopped as a service manager would (<see cref="StopAsync"/>, SIGTERM).
/// </summary>
public sealed class BotServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private BotServerProcess(Process process, HttpClient client, ConcurrentQueue<string> output)
    {
        _process = process;
        Client = client;
        _output = output;
    }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The lines the process wrote to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>Starts the process; <paramref name="environment"/> adds or overrides variables (logs at Warning by default).</summary>
    public static async Task<BotServerProcess> StartAsync(ThrowawayDatabase database, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CoachBot.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        database.ApplyTo(start.Environment);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new BotServerProcess(process, client, output);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
                continue;
            }

            Assert.Fail($"CoachBot did not become healthy (exited: {process.HasExited})");
        }
    }

    /// <summary>POSTs an activity to /api/messages and expects success.</summary>
    public async Task PostAsync(JObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/messages", content);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
    }

    /// <summary>Waits until a line of standard output satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            Assert.True(DateTime.UtcNow < deadline && !_process.HasExited, "the expected output line did not appear");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-whatever, as in a crash or an out-of-memory kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or an orchestrator stops an instance, then waits for the exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await signal.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
