using CoachBot.Core.Importing;

namespace CoachBot.Core.Admin;

/// <summary>Problems with an admin's input that name a field rather than a line of a document.</summary>
public static class AdminProblems
{
    /// <summary>An error about <paramref name="path"/> (e.g. <c>name</c>, <c>questions[2].text</c>).</summary>
    public static ImportProblem Field(string path, string message) => new(ImportSeverity.Error, 0, null, message) { Path = path };

    /// <summary>The single problem list of a field error.</summary>
    public static IReadOnlyList<ImportProblem> One(string path, string message) => [Field(path, message)];
}
