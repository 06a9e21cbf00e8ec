namespace CoachBot.Infrastructure.Grading;

/// <summary>Endpoint checks shared by the provider options.</summary>
internal static class LlmEndpoints
{
    /// <summary><c>true</c> for an absolute http or https URL.</summary>
    public static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
