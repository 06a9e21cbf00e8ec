namespace CoachBot.Core.Practice;

/// <summary>
/// A file attached to a chat message. Its content is read only on demand (<see cref="ReadAsync"/>): the bot layer
/// describes every attachment, and only a command that needs the file (an admin's import, after the admin check)
/// downloads it.
/// </summary>
/// <param name="Name">The file name, when the channel gives one.</param>
/// <param name="ContentType">The content type, when the channel gives one.</param>
/// <param name="ReadAsync">Reads the content (at most the importer's limit plus one byte), or says why it cannot.</param>
public sealed record ChatAttachment(string? Name, string? ContentType, Func<CancellationToken, Task<AttachmentContent>> ReadAsync);

/// <summary>An attachment's bytes, or the reason they could not be read (one sentence for the user).</summary>
public sealed record AttachmentContent(ReadOnlyMemory<byte> Bytes, string? Problem)
{
    /// <summary>True when the bytes were read.</summary>
    public bool Succeeded => Problem is null;

    /// <summary>Read successfully.</summary>
    public static AttachmentContent Read(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    /// <summary>Not readable, and why.</summary>
    public static AttachmentContent Unreadable(string problem) => new(ReadOnlyMemory<byte>.Empty, problem);
}

/// <summary>A user @mentioned in a message: their channel id and, on Teams, their AAD object id when the mention carries it.</summary>
public sealed record ChatMention(string Id, string? AadObjectId, string? Name);
