using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoachBot.Tests.Cluster;

/// <summary>
/// One instance of the real CoachBot server (<c>dotnet CoachBot.dll</c>, a process of its own) on a loopback port of
/// its own, configured through environment variables; its log lines (one per entry) are kept for the test. It can be
/// killed with SIGKILL (<see cref="Kill"/>) or stopped like a service manager would (SIGTERM, <see cref="StopAsync"/>).
/// </summary>
public sealed class ClusterInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private ClusterInstance(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Every log line so far (console logger, single-line format: <c>info: Category[EventId] Message</c>).</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>The log lines of event <paramref name="eventId"/>.</summary>
    public IReadOnlyList<string> Events(int eventId) => [.. _log.Where(l => l.Contains($"[{eventId}]", StringComparison.Ordinal))];

    /// <summary>Starts the process and waits until <c>/healthz</c> answers (the host has started, the scheduler with it).</summary>
    public static async Task<ClusterInstance> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CoachBot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment.Remove("Grading__Provider"); // the developer's own LLM settings never leak into a test
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var instance = new ClusterInstance(name, process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await instance.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return instance;
    }

    /// <summary>SIGKILL: the process dies at once, mid-whatever, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager or an orchestrator stops an instance, then waits for the exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public override string ToString() => $"{Name} (pid {ProcessId}, {Address})";

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{string.Join('\n', _log.TakeLast(40))}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not become healthy within {timeout}:\n{string.Join('\n', _log.TakeLast(40))}");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
