using System.Globalization;
using System.Text.Json;

namespace CoachBot.Core.Grading.Batch;

/// <summary>One input line of the <c>grade</c> command, read.</summary>
/// <param name="IdJson">The line's <c>id</c> as the JSON it was given in (<c>"a-1"</c>, <c>42</c>), or <c>null</c>.</param>
internal abstract record BatchLine(string IdJson);

/// <summary>A line to grade.</summary>
internal sealed record BatchRequestLine(string IdJson, string Question, string Answer) : BatchLine(IdJson);

/// <summary>A line that cannot be graded, with the reason shown to the user.</summary>
internal sealed record BatchErrorLine(string IdJson, string Error) : BatchLine(IdJson);

/// <summary>
/// Reads one JSON Lines input line: an object with <c>id</c> (string, number or null; optional),
/// <c>question</c> and <c>answer</c> (non-empty strings). Other properties are ignored.
/// </summary>
internal static class BatchLineReader
{
    public const string NullId = "null";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static BatchLine Read(string line, int maxAnswerLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException ex)
        {
            return new BatchErrorLine(NullId, InvalidJson(ex));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new BatchErrorLine(NullId, $"expected a JSON object with \"question\" and \"answer\", got {Describe(root.ValueKind)}");
            }

            var duplicate = root.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
            var id = NullId;
            if (duplicate != "id" && root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
                {
                    return new BatchErrorLine(NullId, $"\"id\" must be a string, a number or null, not {Describe(idElement.ValueKind)}");
                }

                id = idElement.GetRawText();
            }

            if (duplicate is not null)
            {
                return new BatchErrorLine(id, $"\"{duplicate}\" is given more than once");
            }

            if (ReadText(root, "question", out var question) is { } questionError)
            {
                return new BatchErrorLine(id, questionError);
            }

            if (ReadText(root, "answer", out var answer) is { } answerError)
            {
                return new BatchErrorLine(id, answerError);
            }

            if (answer.Length > maxAnswerLength)
            {
                return new BatchErrorLine(id, string.Create(CultureInfo.InvariantCulture,
                    $"\"answer\" is {answer.Length:N0} characters; the limit is {maxAnswerLength:N0}"));
            }

            return new BatchRequestLine(id, question, answer);
        }
    }

    /// <summary>Reads a required, non-blank string property; returns the error, or <c>null</c> when it is fine.</summary>
    private static string? ReadText(JsonElement root, string name, out string value)
    {
        value = string.Empty;
        if (!root.TryGetProperty(name, out var element))
        {
            return $"missing \"{name}\"";
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return $"\"{name}\" must be a string, not {Describe(element.ValueKind)}";
        }

        value = element.GetString()!;
        return string.IsNullOrWhiteSpace(value) ? $"\"{name}\" is empty" : null;
    }

    /// <summary>The parser's reason without its line number (every input is one line), with the byte position.</summary>
    private static string InvalidJson(JsonException ex)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        reason = reason.TrimEnd('.', ' ');
        return ex.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"invalid JSON at byte {position + 1}: {reason}")
            : $"invalid JSON: {reason}";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
