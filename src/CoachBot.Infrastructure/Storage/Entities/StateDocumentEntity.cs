namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>StateDocuments</c>: a key → JSON document with its eTag.</summary>
internal sealed class StateDocumentEntity
{
    public string Key { get; set; } = string.Empty;

    public string Json { get; set; } = string.Empty;

    public string ETag { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
