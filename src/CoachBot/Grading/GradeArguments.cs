using CoachBot.Core.Grading;

namespace CoachBot.Grading;

/// <summary>
/// The <c>grade</c> command's arguments: <c>--set</c>, <c>--grader</c>, <c>--input</c>, <c>--help</c>, and
/// configuration overrides (<c>--Section:Key value</c>, <c>Key=value</c>, <c>--environment name</c>) that
/// pass through to the host. Anything else is a usage error.
/// </summary>
public sealed record GradeArguments
{
    /// <summary>The usage text printed by <c>grade --help</c>.</summary>
    public const string Usage = """
        Usage: CoachBot grade [--set <id>] [--grader rubric|llm] [--input <file>]
               From the repository: dotnet run -v q --project src/CoachBot -- grade ...
               (-v q keeps dotnet run's own "Using launch settings..." line off standard output)

        Grades answers in bulk. Reads JSON Lines from <file> or standard input, one object per line:
          {"id": "a1", "question": "<question id or text>", "answer": "<the answer>"}
        and writes one JSON line per input line, in the same order:
          {"id": "a1", "score": 0-100, "models": {"<model slug>": 0-100, ...}, "flags": [...], "grader": "rubric"|"llm", "feedback": "..."}
        "id" (string, number or null) is echoed. A line that cannot be graded gets {"id": ..., "error": "..."} and the
        run goes on; blank lines are skipped. Logs go to standard error.

        Options:
          --set <id>         the question set (default: Practice:DefaultSetId, amazon-customer-trust)
          --grader <kind>    rubric (offline) or llm (the configured LLM grader, with its grade cache).
                             Default: llm when Grading:Provider names an LLM, else rubric.
          --input <file>     read <file> instead of standard input ('-' is standard input). dotnet run starts
                             the app in src/CoachBot: give an absolute path there, or redirect: < file
          -h, --help         show this help
          --<Section:Key> <value>, <Section:Key>=<value>, --environment <name>
                             configuration overrides, e.g. --Practice:MaxAnswerLength 8000

        A question matches a question of the set by id, then by text (ignoring case, spacing, punctuation), then
        by the closest text; any other question is graded against all the set's mental models and flagged
        "unknown_question". When the LLM grader is unavailable the rubric grades the line: "grader" is "rubric"
        and "flags" has "fallback".

        Exit codes: 0 every line graded; 1 at least one line has an "error"; 2 usage or configuration error
        (unknown option, missing input file, unknown set, --grader llm without an LLM configured).

        """;

    /// <summary>The set to grade against, or <c>null</c> for the configured default.</summary>
    public string? SetId { get; init; }

    /// <summary>The grader asked for, or <c>null</c> for the configured one.</summary>
    public GraderKind? Grader { get; init; }

    /// <summary>The input file, or <c>null</c>/<c>-</c> for standard input.</summary>
    public string? InputPath { get; init; }

    /// <summary><c>true</c> when <c>--help</c> was given (it wins over any other argument).</summary>
    public bool Help { get; init; }

    /// <summary>Configuration overrides for the host, as given.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>The first usage error, or <c>null</c>.</summary>
    public string? Error { get; init; }

    /// <summary>Parses the arguments that follow <c>grade</c>.</summary>
    public static GradeArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new GradeArguments();
        var hostArgs = new List<string>();
        string? error = null;
        for (var i = 0; i < args.Count && !parsed.Help; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var inline = equals > 0 ? arg[(equals + 1)..] : null;
            switch (name.ToLowerInvariant())
            {
                case "-h" or "-?" or "--help":
                    parsed = parsed with { Help = true };
                    break;
                case "--set" or "--grader" or "--input":
                    var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                    error ??= Apply(ref parsed, name.ToLowerInvariant(), value);
                    break;
                case var _ when IsConfigurationKey(name, inline is not null):
                    hostArgs.Add(arg);
                    if (inline is null && name.StartsWith("--", StringComparison.Ordinal))
                    {
                        if (i + 1 < args.Count)
                        {
                            hostArgs.Add(args[++i]);
                        }
                        else
                        {
                            error ??= $"{name} needs a value";
                        }
                    }

                    break;
                default:
                    error ??= arg.StartsWith('-') ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'";
                    break;
            }
        }

        return parsed with { HostArgs = hostArgs, Error = parsed.Help ? null : error };
    }

    private static string? Apply(ref GradeArguments parsed, string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{option} needs a value";
        }

        switch (option)
        {
            case "--set" when parsed.SetId is null:
                parsed = parsed with { SetId = value.Trim() };
                return null;
            case "--input" when parsed.InputPath is null:
                parsed = parsed with { InputPath = value };
                return null;
            case "--grader" when parsed.Grader is null:
                GraderKind? kind = value.Trim().ToLowerInvariant() switch
                {
                    "rubric" => GraderKind.Rubric,
                    "llm" => GraderKind.Llm,
                    _ => null,
                };
                parsed = parsed with { Grader = kind };
                return kind is null ? $"--grader must be rubric or llm, not '{value}'" : null;
            default:
                return $"{option} is given more than once";
        }
    }

    /// <summary>A configuration key as ASP.NET Core's command line reads it: a section path or a bare <c>Key=value</c>.</summary>
    private static bool IsConfigurationKey(string name, bool hasValue) => name.StartsWith("--", StringComparison.Ordinal)
        ? name.Length > 2 && (name.Contains(':', StringComparison.Ordinal) || string.Equals(name, "--environment", StringComparison.OrdinalIgnoreCase))
        : hasValue && !name.StartsWith('-');
}
