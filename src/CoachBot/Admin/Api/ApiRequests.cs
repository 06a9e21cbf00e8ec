using System.Globalization;
using System.Text.Json;
using CoachBot.Core.Importing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoachBot.Admin.Api;

/// <summary>A request body as read: the bytes or value, or the ProblemDetails to answer instead.</summary>
internal readonly record struct BodyRead<T>(T? Value, ProblemHttpResult? Problem);

/// <summary>
/// Reads request bodies and preconditions the same way for every resource: bodies are limited to
/// <see cref="QuestionSetImporter.MaxBytes"/> (413 above it), JSON bodies need a JSON content type (415 otherwise) and a
/// malformed one is a 400 naming the field and the line; <c>If-Match: "3"</c> is the version an edit was made on.
/// </summary>
internal static class ApiRequests
{
    /// <summary>The raw body, up to <see cref="QuestionSetImporter.MaxBytes"/>; larger is 413.</summary>
    public static async Task<BodyRead<byte[]>> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > QuestionSetImporter.MaxBytes)
        {
            return new(null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > QuestionSetImporter.MaxBytes)
            {
                return new(null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return new(buffer.ToArray(), null);
    }

    /// <summary>A JSON body as <typeparamref name="T"/> (the API's camelCase options); <c>null</c> bodies are a 400.</summary>
    public static async Task<BodyRead<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new(null, UnsupportedMediaType("Send the body as application/json."));
        }

        var bytes = await ReadBytesAsync(request, cancellationToken);
        if (bytes.Problem is not null)
        {
            return new(null, bytes.Problem);
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes.Value, options) is { } value
                ? new(value, null)
                : new(null, AdminHttp.Invalid("body", "a JSON object is required"));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            var problem = new ImportProblem(ImportSeverity.Error, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                e.Path is { Length: > 1 } ? "has the wrong type or an unknown value" : "is not valid JSON") { Path = field };
            return new(null, AdminHttp.Invalid("The body is not the JSON this route takes.", [problem]));
        }
    }

    /// <summary>
    /// The version named by <c>If-Match</c> (<c>"3"</c>; a weak tag or a bare number is read too), else
    /// <paramref name="bodyVersion"/>; a 400 when <c>If-Match</c> is not a version number.
    /// </summary>
    public static BodyRead<int?> ExpectedVersion(HttpRequest request, int? bodyVersion = null)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header))
        {
            return new(bodyVersion, null);
        }

        var tag = header.Split(',')[0].Trim();
        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? new(version, null)
            : new(null, AdminHttp.Invalid(HeaderNames.IfMatch, "the version the change was made on, e.g. \"3\" (the ETag of the set)"));
    }

    /// <summary>428: an edit that replaces content must say which version it was made on.</summary>
    public static ProblemHttpResult PreconditionRequired() => AdminHttp.Problem(
        StatusCodes.Status428PreconditionRequired, "Precondition required",
        "Say which version you edited: send If-Match: \"<version>\" (the set's ETag) or a version field in the body.");

    /// <summary>415 with the accepted types.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        AdminHttp.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    /// <summary>The ETag of a set version: <c>"3"</c>.</summary>
    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    private static ProblemHttpResult TooLarge() => AdminHttp.Problem(
        StatusCodes.Status413PayloadTooLarge, "Payload too large",
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than {QuestionSetImporter.MaxBytes / 1_048_576} MB, the limit."));
}
