using System.Diagnostics;

namespace CoachBot.Tests.Deploy;

/// <summary>What a finished tool (bash script, Bicep compiler) printed.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}{Errors}";
}

/// <summary>Runs a command-line tool to completion, with both streams captured and a time limit.</summary>
public static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> args, string? workingDirectory = null, IEnumerable<string>? unsetVariables = null)
    {
        var start = new ProcessStartInfo(fileName, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var name in unsetVariables ?? [])
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
