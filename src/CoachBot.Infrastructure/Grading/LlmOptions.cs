using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Grading;

/// <summary>Sampling settings for the LLM grader, whichever provider (configuration section <c>Grading:Llm</c>).</summary>
public sealed class LlmOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Grading:Llm";

    /// <summary>Sampling temperature, 0–2. Default 0: the same answer should get the same grade.</summary>
    [Range(0.0, 2.0, ErrorMessage = "Grading:Llm:Temperature must be between 0 and 2.")]
    public double Temperature { get; set; }

    /// <summary>
    /// Most tokens the model may write per grade, 200–16000. Default 1200, ample for four models with quotes; output
    /// cut off at the limit is invalid JSON and counts as a failure.
    /// </summary>
    [Range(200, 16000, ErrorMessage = "Grading:Llm:MaxOutputTokens must be between 200 and 16000.")]
    public int MaxOutputTokens { get; set; } = 1200;
}
