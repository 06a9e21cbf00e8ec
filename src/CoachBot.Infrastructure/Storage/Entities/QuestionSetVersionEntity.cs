namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>QuestionSetVersions</c>: one version of a question set.</summary>
internal sealed class QuestionSetVersionEntity
{
    public string SetId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>The whole set (see <see cref="QuestionSetDocument"/>).</summary>
    public string ContentJson { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who stored this version (an admin id, <c>key:{name}</c>, or <c>system</c>).</summary>
    public string CreatedBy { get; set; } = "system";

    /// <summary>What changed, in a few words.</summary>
    public string? Note { get; set; }
}
