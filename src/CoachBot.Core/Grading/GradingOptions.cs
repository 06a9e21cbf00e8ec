using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Grading;

/// <summary>Which grader answers and how chat waits for it (configuration section <c>Grading</c>).</summary>
public sealed class GradingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Grading";

    /// <summary>The deterministic, offline rubric grader (the default).</summary>
    public const string RubricProvider = "rubric";

    /// <summary>Azure OpenAI through <c>Azure.AI.OpenAI</c> (API key or Entra ID).</summary>
    public const string AzureOpenAIProvider = "azure-openai";

    /// <summary>OpenAI or any OpenAI-compatible endpoint through the <c>OpenAI</c> client.</summary>
    public const string OpenAIProvider = "openai";

    /// <summary><c>rubric</c> (default), <c>azure-openai</c> or <c>openai</c>.</summary>
    [Required]
    [RegularExpression("^(?i)(rubric|azure-openai|openai)$", ErrorMessage = "Grading:Provider must be rubric, azure-openai or openai.")]
    public string Provider { get; set; } = RubricProvider;

    /// <summary>
    /// How long a chat turn waits for a grade before it answers "feedback follows" and delivers the
    /// feedback as a separate message when ready. Default 3 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan ReplyDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a chat turn waits before it shows a typing indicator. Default 0.4 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary><c>true</c> when an LLM provider is configured.</summary>
    public bool UsesLlm => !string.Equals(Provider, RubricProvider, StringComparison.OrdinalIgnoreCase);
}
