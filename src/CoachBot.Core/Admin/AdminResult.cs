using CoachBot.Core.Importing;

namespace CoachBot.Core.Admin;

/// <summary>How an admin operation ended; entry points map it (HTTP status, chat message).</summary>
public enum AdminStatus
{
    /// <summary>Done (or, for a dry run, would be done).</summary>
    Ok,

    /// <summary>Something new was created.</summary>
    Created,

    /// <summary>The set, version, question, schedule or user does not exist.</summary>
    NotFound,

    /// <summary>The input is invalid; <see cref="AdminResult{T}.Problems"/> says where.</summary>
    Invalid,

    /// <summary>Someone changed it first (the expected version is not the latest), or it already exists.</summary>
    Conflict,

    /// <summary>Not allowed even for an admin (e.g. revoking a configured admin).</summary>
    Refused,
}

/// <summary>The outcome of an admin operation: a status, a value when it succeeded, a one-sentence message, and problems.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed record AdminResult<T>(AdminStatus Status, T? Value, string Message, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>True for <see cref="AdminStatus.Ok"/> and <see cref="AdminStatus.Created"/>.</summary>
    public bool Succeeded => Status is AdminStatus.Ok or AdminStatus.Created;

    /// <summary>A success.</summary>
    public static AdminResult<T> Ok(T value, string message, IReadOnlyList<ImportProblem>? warnings = null) => new(AdminStatus.Ok, value, message, warnings ?? []);

    /// <summary>A success that created something.</summary>
    public static AdminResult<T> Created(T value, string message, IReadOnlyList<ImportProblem>? warnings = null) => new(AdminStatus.Created, value, message, warnings ?? []);

    /// <summary>A failure without a value.</summary>
    public static AdminResult<T> Fail(AdminStatus status, string message, IReadOnlyList<ImportProblem>? problems = null) => new(status, default, message, problems ?? []);

    /// <summary>An invalid input, with its problems.</summary>
    public static AdminResult<T> Invalid(string message, IReadOnlyList<ImportProblem> problems) => new(AdminStatus.Invalid, default, message, problems);
}
