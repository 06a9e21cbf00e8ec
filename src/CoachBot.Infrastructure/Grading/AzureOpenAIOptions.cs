using System.ComponentModel.DataAnnotations;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// The Azure OpenAI grader (configuration section <c>Grading:AzureOpenAI</c>, used when <c>Grading:Provider</c> is
/// <c>azure-openai</c>). Authenticates with <see cref="ApiKey"/> when set, otherwise with Entra ID through
/// <c>DefaultAzureCredential</c> (managed identity, workload identity, Azure CLI, …).
/// </summary>
public sealed class AzureOpenAIOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Grading:AzureOpenAI";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>. Required; no default.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The deployment name of the chat model (e.g. <c>gpt-4o-mini</c>). Required; no default.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// SECRET, optional. The resource's API key; empty means Entra ID (<c>DefaultAzureCredential</c>). Set it only
    /// through an environment variable (<c>Grading__AzureOpenAI__ApiKey</c>), user-secrets or a vault.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary><c>true</c> when <see cref="ApiKey"/> is set; otherwise Entra ID is used.</summary>
    public bool UsesApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LlmEndpoints.IsHttpUri(Endpoint))
        {
            yield return new ValidationResult(
                "Grading:AzureOpenAI:Endpoint must be the absolute URL of the Azure OpenAI resource (e.g. https://my-resource.openai.azure.com/) when Grading:Provider is azure-openai.",
                [nameof(Endpoint)]);
        }

        else if (!UsesApiKey && !Endpoint!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                "Grading:AzureOpenAI:Endpoint must use https when no Grading:AzureOpenAI:ApiKey is set: Entra ID tokens are only sent over TLS.",
                [nameof(Endpoint), nameof(ApiKey)]);
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return new ValidationResult(
                "Grading:AzureOpenAI:Deployment (the chat model's deployment name) is required when Grading:Provider is azure-openai.",
                [nameof(Deployment)]);
        }
    }
}
