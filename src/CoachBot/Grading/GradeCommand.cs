using System.Text;
using CoachBot.Core.Grading;
using CoachBot.Core.Grading.Batch;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Grading;

/// <summary>The exit codes of the <c>grade</c> command.</summary>
public static class GradeExitCodes
{
    /// <summary>Every non-blank line was graded.</summary>
    public const int AllGraded = 0;

    /// <summary>At least one line was answered with an <c>error</c>.</summary>
    public const int SomeLinesFailed = 1;

    /// <summary>Usage or configuration error: nothing was graded.</summary>
    public const int UsageError = 2;
}

/// <summary>
/// <c>grade</c>: batch grading of JSON Lines from a file or standard input onto standard output, through
/// Core's <see cref="BatchGrader"/>. Uses the database (migrated and seeded as usual) but never starts
/// the web server.
/// </summary>
public static class GradeCommand
{
    /// <summary>Runs the command on the process's standard streams: UTF-8 without a byte-order mark, <c>\n</c> line ends.</summary>
    public static async Task<int> RunFromConsoleAsync(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
        return await RunAsync(args, input, output, Console.Error);
    }

    /// <summary>Runs the command with <paramref name="args"/> (the arguments after <c>grade</c>).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader standardInput, TextWriter standardOutput, TextWriter standardError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(standardInput);
        ArgumentNullException.ThrowIfNull(standardOutput);
        ArgumentNullException.ThrowIfNull(standardError);
        var arguments = GradeArguments.Parse(args);
        if (arguments.Help)
        {
            await standardOutput.WriteAsync(GradeArguments.Usage);
            await standardOutput.FlushAsync(cancellationToken);
            return GradeExitCodes.AllGraded;
        }

        if (arguments.Error is { } usage)
        {
            return await FailAsync(standardError, usage, showHelpHint: true);
        }

        var (file, fileError) = OpenInput(arguments.InputPath);
        using var ownedFile = file; // standard input belongs to the caller; an input file is ours to close
        if (fileError is not null)
        {
            return await FailAsync(standardError, fileError);
        }

        await using var app = CoachBotApp.Build([.. arguments.HostArgs], RunMode.Grade);
        PracticeOptions practice;
        GradingOptions gradingOptions;
        try
        {
            practice = app.Services.GetRequiredService<IOptions<PracticeOptions>>().Value;
            gradingOptions = app.Services.GetRequiredService<IOptions<GradingOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            return await FailAsync(standardError, $"invalid configuration: {string.Join(" ", ex.Failures)}");
        }

        var grading = app.Services.GetRequiredService<GradingService>();
        var grader = arguments.Grader ?? (gradingOptions.UsesLlm ? GraderKind.Llm : GraderKind.Rubric);
        if (grader == GraderKind.Llm && !grading.UsesLlm)
        {
            return await FailAsync(standardError, gradingOptions.UsesLlm
                ? $"the LLM grader is not available: Grading:Provider is '{gradingOptions.Provider}' but no LLM grader is registered for it; use --grader rubric"
                : "--grader llm needs an LLM grader, but none is configured (Grading:Provider is 'rubric'); set Grading:Provider and its credentials, or use --grader rubric");
        }

        await app.InitializeStorageAsync(cancellationToken);
        var setId = arguments.SetId ?? practice.DefaultSetId;
        var set = await app.Services.GetRequiredService<IQuestionSetStore>().GetLatestAsync(setId, cancellationToken);
        if (set is null)
        {
            return await FailAsync(standardError, $"unknown question set '{setId}'");
        }

        var settings = new BatchGradeSettings(set, grader, practice.MaxAnswerLength);
        var summary = await app.Services.GetRequiredService<BatchGrader>().RunAsync(file ?? standardInput, standardOutput, settings, cancellationToken);
        if (summary.AllGraded)
        {
            return GradeExitCodes.AllGraded;
        }

        await standardError.WriteLineAsync($"grade: {summary.Failed} of {summary.Graded + summary.Failed} lines could not be graded (see their \"error\").");
        return GradeExitCodes.SomeLinesFailed;
    }

    private static (TextReader? File, string? Error) OpenInput(string? path)
    {
        if (path is null or "-")
        {
            return (null, null);
        }

        // The full path in messages: `dotnet run` starts the app in the project folder, not the caller's.
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return (null, $"input {fullPath} is a directory, not a file");
        }

        if (!File.Exists(fullPath))
        {
            return (null, $"input file not found: {fullPath}");
        }

        try
        {
            return (new StreamReader(fullPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read input file {fullPath}: {ex.Message}");
        }
    }

    private static async Task<int> FailAsync(TextWriter standardError, string message, bool showHelpHint = false)
    {
        await standardError.WriteLineAsync($"grade: {message}");
        if (showHelpHint)
        {
            await standardError.WriteLineAsync("Run 'grade --help' for usage.");
        }

        await standardError.FlushAsync();
        return GradeExitCodes.UsageError;
    }
}
