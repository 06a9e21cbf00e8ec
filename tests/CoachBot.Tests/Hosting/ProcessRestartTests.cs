using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Hosting;

/// <summary>
/// The published entry point as a real OS process: answer half a session over HTTP, kill the process,
/// start a new one on the same database, and carry on where the learner left off.
/// </summary>
public sealed class ProcessRestartTests : LoopbackTest
{
    [Fact]
    public async Task KilledAndRestartedProcess_GradesTheOpenQuestion_AndCountsEveryAttempt()
    {
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:process-restart");
        using (var first = await BotProcess.StartAsync(Db))
        {
            await first.PostAsync(teams.Message("practice"));
            await first.PostAsync(teams.Message("Security protects customer trust: fraud checks cut account takeovers from 1.2% to 0.7%."));
            await first.PostAsync(teams.Message("next"));
            var asked = await Connector.WaitForAsync(teams.ConversationId, 3);
            Assert.Contains("Question 2 of 4", asked[2].VisibleText, StringComparison.Ordinal);
        } // killed, not stopped gracefully

        using var second = await BotProcess.StartAsync(Db);
        await second.PostAsync(teams.Message("When we added passkeys, customers trusted checkout more and support tickets fell 30%."));
        await second.PostAsync(teams.Message("progress"));
        var all = await Connector.WaitForAsync(teams.ConversationId, 5);

        Assert.Matches(new Regex(@"Your score: \d{1,3}/100"), all[3].VisibleText);
        Assert.Contains("Attempts: 2", all[4].VisibleText, StringComparison.Ordinal);
    }

    private sealed class BotProcess : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private BotProcess(Process process, HttpClient client)
        {
            _process = process;
            _client = client;
        }

        public static async Task<BotProcess> StartAsync(ThrowawayDatabase database)
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

            // A fresh process compiles its storage queries on the first answer, which on a busy machine (more so on
            // PostgreSQL) can outlast the 400 ms typing delay. This test is about the restart: no typing indicators.
            start.Environment["Grading__TypingAfter"] = "00:00:08";
            start.Environment["Grading__ReplyDeadline"] = "00:00:10";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
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
                        return new BotProcess(process, client);
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

        public async Task PostAsync(Newtonsoft.Json.Linq.JObject activity)
        {
            using var content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json");
            var response = await _client.PostAsync("/api/messages", content);
            Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        }

        public void Dispose()
        {
            _client.Dispose();
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
}
