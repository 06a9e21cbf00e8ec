using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using CoachBot.Core.Grading;
using OpenAI;
using OpenAI.Chat;

namespace CoachBot.Infrastructure.Grading;

/// <summary>How the grader reaches its model.</summary>
internal enum LlmAuthentication
{
    /// <summary>An API key (both providers).</summary>
    ApiKey,

    /// <summary>Entra ID through <c>DefaultAzureCredential</c> (Azure only, when no key is set).</summary>
    EntraId,

    /// <summary>No key: a local OpenAI-compatible server that does not check one.</summary>
    None,
}

/// <summary>The configured chat client and what it talks to.</summary>
/// <param name="Client">The OpenAI or Azure OpenAI chat client, with its own retries turned off.</param>
/// <param name="Provider">The provider name (<c>azure-openai</c> or <c>openai</c>).</param>
/// <param name="Model">The model (OpenAI) or deployment (Azure) name.</param>
/// <param name="Authentication">How requests are authenticated.</param>
internal sealed record LlmChatClient(ChatClient Client, string Provider, string Model, LlmAuthentication Authentication)
{
    // A local server that checks no key still needs a non-empty credential for the client to send.
    private const string NoKey = "no-key";

    /// <summary>
    /// Creates the Azure OpenAI client: API key when set, otherwise <c>DefaultAzureCredential</c>. The client's own
    /// retry policy is disabled (Polly owns all retries) and its network timeout sits above the pipeline's timeouts.
    /// </summary>
    public static LlmChatClient ForAzure(AzureOpenAIOptions options, GradingResilienceOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resilience);
        var endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
        var clientOptions = new AzureOpenAIClientOptions();
        Configure(clientOptions, resilience);
        var azure = options.UsesApiKey
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey!), clientOptions)
            : new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions);
        return new LlmChatClient(
            azure.GetChatClient(options.Deployment),
            GradingOptions.AzureOpenAIProvider,
            options.Deployment!,
            options.UsesApiKey ? LlmAuthentication.ApiKey : LlmAuthentication.EntraId);
    }

    /// <summary>Creates the OpenAI client for <see cref="OpenAIOptions.Endpoint"/>, with its own retries disabled.</summary>
    public static LlmChatClient ForOpenAI(OpenAIOptions options, GradingResilienceOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resilience);
        var clientOptions = new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint, UriKind.Absolute) };
        Configure(clientOptions, resilience);
        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        var client = new ChatClient(options.Model, new ApiKeyCredential(hasKey ? options.ApiKey! : NoKey), clientOptions);
        return new LlmChatClient(client, GradingOptions.OpenAIProvider, options.Model!, hasKey ? LlmAuthentication.ApiKey : LlmAuthentication.None);
    }

    private static void Configure(ClientPipelineOptions options, GradingResilienceOptions resilience)
    {
        // Polly owns every retry: client retries would multiply with the pipeline's (3 x 4 calls per grade).
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);

        // The pipeline's timeouts cancel first; the client's own (default 100 s) must never cut in before them.
        options.NetworkTimeout = resilience.TotalTimeout + TimeSpan.FromSeconds(5);
    }
}
