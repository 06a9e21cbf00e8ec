using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>The names question types have in JSON, YAML and CSV files (and in the JSON Schema's enum).</summary>
internal static class QuestionTypeNames
{
    private static readonly string[] Names = ["concept", "example-story", "trade-off", "scenario"];

    /// <summary>Every name, in <see cref="QuestionType"/> order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>"concept, example-story, trade-off, scenario", for messages.</summary>
    public static string List { get; } = string.Join(", ", All);

    /// <summary>The file name of <paramref name="type"/>.</summary>
    public static string NameOf(QuestionType type) => Names[(int)type];

    /// <summary>Reads a type name exactly as the schema spells it (CSV passes a trimmed, lowercased cell).</summary>
    public static bool TryParse(string name, out QuestionType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (QuestionType)Math.Max(index, 0);
        return index >= 0;
    }
}
