using System.Diagnostics.CodeAnalysis;

namespace CoachBot.Core.Channels.Scheduling;

/// <summary>
/// The outcome of parsing untrusted chat input: either a value or a specific message to show the user.
/// Parsing never throws for bad input.
/// </summary>
/// <typeparam name="T">The parsed value.</typeparam>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The parsed value, or <c>null</c> when parsing failed.</summary>
    public T? Value { get; }

    /// <summary>A user-facing message saying what was wrong and how to write it, or <c>null</c> on success.</summary>
    public string? Error { get; }

    /// <summary>Whether parsing succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    /// <summary>A success.</summary>
    public static ParseResult<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A failure with a user-facing <paramref name="error"/>.</summary>
    public static ParseResult<T> Fail(string error) => new(null, error);
}
