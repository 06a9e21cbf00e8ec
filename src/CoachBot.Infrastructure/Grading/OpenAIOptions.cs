using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The OpenAI grader (configuration section <c>Grading:OpenAI</c>, used when <c>Grading:Provider</c> is
/// <c>openai</c>): OpenAI itself, or any server that speaks the OpenAI chat-completions API (a local model server).
/// </summary>
public sealed class OpenAIOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Grading:OpenAI";

    /// <summary>OpenAI's own endpoint, the default.</summary>
    public const string DefaultEndpoint = "https://api.openai.com/v1";

    /// <summary>The API base URL (up to and including <c>/v1</c>). Default <c>https://api.openai.com/v1</c>.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>The chat model, e.g. <c>gpt-4o-mini</c>. Required; no default.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// SECRET. The API key; required for api.openai.com, optional for a local server. Set it only through an environment
    /// variable (<c>Grading__OpenAI__ApiKey</c>), user-secrets or a vault.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary><c>true</c> when <see cref="Endpoint"/> is OpenAI's own service, which needs an API key.</summary>
    public bool IsOpenAIService =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri)
        && (uri.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".openai.com", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LlmEndpoints.IsHttpUri(Endpoint))
        {
            yield return new ValidationResult(
                "Grading:OpenAI:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1.",
                [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult(
                "Grading:OpenAI:Model (e.g. gpt-4o-mini) is required when Grading:Provider is openai.",
                [nameof(Model)]);
        }

        if (IsOpenAIService && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                "Grading:OpenAI:ApiKey is required for api.openai.com; set it as the environment variable Grading__OpenAI__ApiKey or with dotnet user-secrets, never in a committed file.",
                [nameof(ApiKey)]);
        }
    }
}
