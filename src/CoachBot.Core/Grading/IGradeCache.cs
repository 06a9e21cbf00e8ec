using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Core.Grading;

/// <summary>
/// Durable cache of LLM grades: the same (set version, question, answer, grader with its prompt version)
/// is graded once. Implemented on the database by the infrastructure layer.
/// </summary>
public interface IGradeCache
{
    /// <summary>The cached grade for <paramref name="key"/>, or <c>null</c>.</summary>
    Task<GradeResult?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="grade"/> under <paramref name="key"/> (a second store of the same key is
    /// ignored). <paramref name="ownerKey"/> is the learner whose answer produced it, so "forget me"
    /// can delete the evidence quotes it holds.
    /// </summary>
    Task SetAsync(string key, GradeResult grade, string? ownerKey, CancellationToken cancellationToken = default);
}

/// <summary>The cache key: a SHA-256 over everything that decides a grade. Holds no answer text.</summary>
public static class GradeCacheKey
{
    /// <summary>The key for <paramref name="request"/> graded by <paramref name="graderName"/>.</summary>
    public static string For(GradingRequest request, string graderName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(graderName);

        // Unit separators keep "a|b" + "c" apart from "a" + "b|c".
        var material = string.Join('\u001F',
            graderName,
            request.Set.Id,
            request.Set.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Question.Id,
            request.Question.Text,
            request.Answer.Trim());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
