using System.Diagnostics;
using System.Text;

namespace CoachBot.Tests.Fakes;

/// <summary>What a finished <c>dotnet CoachBot.dll …</c> process left behind.</summary>
public sealed record ProcessResult(int ExitCode, byte[] StandardOutputBytes, string StandardError)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);

    public override string ToString() => $"exit {ExitCode}; stderr: {StandardError}";
}

/// <summary>Runs the real CoachBot process (the built CoachBot.dll) on a given database, with piped standard streams.</summary>
public static class CoachBotProcess
{
    public static async Task<ProcessResult> RunAsync(ThrowawayDatabase database, IEnumerable<string> args, string standardInput = "")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CoachBot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = AppContext.BaseDirectory,
        };
        database.ApplyTo(start.Environment);
        start.Environment.Remove("Grading__Provider"); // the developer's own LLM settings never leak into a test

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copyStdout = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await copyStdout;
        return new ProcessResult(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
