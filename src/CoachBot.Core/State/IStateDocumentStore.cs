namespace CoachBot.Core.State;

/// <summary>
/// A durable key → JSON document store with optimistic concurrency, used for chat state
/// (the bot layer adapts it to Bot Framework's <c>IStorage</c>).
/// </summary>
public interface IStateDocumentStore
{
    /// <summary>Reads the documents that exist among <paramref name="keys"/>.</summary>
    Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document. <paramref name="expectedETag"/>: <c>null</c> or <c>"*"</c> writes unconditionally;
    /// <see cref="StateDocument.Absent"/> (<c>""</c>) creates it only if no document has that key yet; any other
    /// value writes only if the stored document still has that eTag (a missing document matches nothing but
    /// <c>null</c>/<c>"*"</c>/<c>""</c>). A write that does not match throws <see cref="StateConflictException"/>.
    /// </summary>
    /// <returns>The new eTag.</returns>
    Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the documents among <paramref name="keys"/>; returns how many existed.</summary>
    Task<int> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}

/// <summary>A stored document and its eTag.</summary>
public sealed record StateDocument(string Json, string ETag)
{
    /// <summary>The expected eTag of a document that must not exist yet: the write creates it or conflicts.</summary>
    public const string Absent = "";
}

/// <summary>Thrown when a conditional write finds a different eTag (someone else wrote first).</summary>
public sealed class StateConflictException(string key) : Exception($"The state document '{key}' was changed by another writer.")
{
    /// <summary>The key whose write lost.</summary>
    public string Key { get; } = key;
}
