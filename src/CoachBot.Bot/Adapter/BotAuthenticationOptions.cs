namespace CoachBot.Bot.Adapter;

/// <summary>
/// The Bot Framework authentication settings, read from the configuration root (the SDK's own key
/// names). With no <see cref="MicrosoftAppId"/> the bot runs in the SDK's anonymous mode (Emulator,
/// local tests); with one, every inbound token is validated.
/// </summary>
public sealed class BotAuthenticationOptions
{
    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Azure Bot's app (client) id. Empty = anonymous mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret (MultiTenant/SingleTenant). A secret: environment or vault only.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant id (SingleTenant, UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>True when no app id is configured.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Returns why the combination is invalid, or <c>null</c> when it is valid.</summary>
    public string? Validate()
    {
        var type = string.IsNullOrWhiteSpace(MicrosoftAppType) ? "MultiTenant" : MicrosoftAppType.Trim();
        if (type is not ("MultiTenant" or "SingleTenant" or "UserAssignedMSI"))
        {
            return $"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not '{MicrosoftAppType}'.";
        }

        if (IsAnonymous)
        {
            return type == "MultiTenant" ? null : $"MicrosoftAppType {type} needs a MicrosoftAppId.";
        }

        if (type != "UserAssignedMSI" && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            return "MicrosoftAppPassword is required when MicrosoftAppId is set (put it in an environment variable or a vault).";
        }

        return type != "MultiTenant" && string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? $"MicrosoftAppType {type} needs a MicrosoftAppTenantId."
            : null;
    }
}
