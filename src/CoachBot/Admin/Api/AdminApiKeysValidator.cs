using System.Globalization;
using CoachBot.Core.Admin;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin.Api;

/// <summary>
/// Stops the start when a configured <c>Admin:ApiKeys</c> entry is shorter than <see cref="MinLength"/> characters: a
/// short shared secret can be guessed. The message names the entry by its index, never its value.
/// </summary>
public sealed class AdminApiKeysValidator : IValidateOptions<AdminOptions>
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinLength = 32;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.ApiKeys
            .Select((key, index) => (Length: key?.Length ?? 0, Index: index))
            .Where(k => k.Length < MinLength)
            .Select(k => string.Create(CultureInfo.InvariantCulture,
                $"Admin:ApiKeys:{k.Index} is {k.Length} characters long; API keys must be at least {MinLength} characters (for example the output of `openssl rand -base64 32`)."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
