using CoachBot.Core.QuestionSets;

namespace CoachBot.Admin.Web;

/// <summary>How the admin page names question types.</summary>
public static class QuestionTypeLabels
{
    /// <summary>Every type, in the order the edit form offers them.</summary>
    public static IReadOnlyList<QuestionType> All { get; } = Enum.GetValues<QuestionType>();

    /// <summary>A type in words.</summary>
    public static string Label(QuestionType type) => type switch
    {
        QuestionType.Concept => "Concept",
        QuestionType.ExampleStory => "Example story",
        QuestionType.TradeOff => "Trade-off",
        QuestionType.Scenario => "Scenario",
        _ => type.ToString(),
    };
}
