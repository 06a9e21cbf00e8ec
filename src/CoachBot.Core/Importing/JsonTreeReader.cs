using System.Text;
using System.Text.Json;

namespace CoachBot.Core.Importing;

/// <summary>
/// Reads JSON into a <see cref="DocumentNode"/> tree with <see cref="Utf8JsonReader"/>, so every value keeps its
/// line and column. Strict JSON: no comments, no trailing commas. A syntax error becomes one problem at the
/// position the reader stopped.
/// </summary>
internal static class JsonTreeReader
{
    /// <summary>The document's tree, or <c>null</c> after adding a syntax error to <paramref name="problems"/>.</summary>
    public static DocumentNode? Read(string json, List<ImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new ImportProblem(ImportSeverity.Error, 1, 1, "the document is empty"));
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var positions = new Utf8Positions(bytes);
        var open = new Stack<(char Bracket, int Line)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = DocumentNode.MaxDepth });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, positions, open);
            reader.Read(); // throws when anything but whitespace follows the root value
            return root;
        }
        catch (JsonException e)
        {
            var (line, column) = positions.At(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var endsEarly = json.AsSpan(Math.Min(PositionToIndex(json, line, column), json.Length)).IsWhiteSpace();
            var message = endsEarly && open.TryPeek(out var innermost)
                ? $"invalid JSON: the document ends before the '{innermost.Bracket}' opened on line {innermost.Line} is closed"
                : "invalid JSON: " + Describe(e.Message);
            problems.Add(new ImportProblem(ImportSeverity.Error, line, column, message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString throws this (not a JsonException) for an escaped lone surrogate such as "\uD83D".
            var (line, column) = positions.At(reader.TokenStartIndex);
            problems.Add(new ImportProblem(
                ImportSeverity.Error, line, column, "invalid JSON: this string has a \\u escape that is half a character (a lone surrogate)"));
            return null;
        }
    }

    private static DocumentNode ReadValue(ref Utf8JsonReader reader, Utf8Positions positions, Stack<(char, int)> open)
    {
        var (line, column) = positions.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                open.Push(('{', line));
                var properties = new List<DocumentProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = positions.At(reader.TokenStartIndex);
                    var name = reader.GetString() ?? string.Empty;
                    reader.Read();
                    properties.Add(new DocumentProperty(name, keyLine, keyColumn, ReadValue(ref reader, positions, open)));
                }

                open.Pop();
                return new DocumentObject(line, column, properties);
            case JsonTokenType.StartArray:
                open.Push(('[', line));
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions, open));
                }

                open.Pop();
                return new DocumentArray(line, column, items);
            case JsonTokenType.String:
                return new DocumentScalar(line, column, ScalarKind.String, reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return new DocumentScalar(line, column, ScalarKind.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True or JsonTokenType.False:
                return new DocumentScalar(line, column, ScalarKind.Boolean, reader.GetBoolean() ? "true" : "false");
            default:
                return new DocumentScalar(line, column, ScalarKind.Null, "null");
        }
    }

    /// <summary>The reader's message without its position suffix and its advice to change reader options.</summary>
    private static string Describe(string message)
    {
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "a comma must be followed by another value (trailing commas are not allowed)";
        }

        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private static int PositionToIndex(string text, int line, int column)
    {
        var index = 0;
        for (var l = 1; l < line && index >= 0; l++)
        {
            index = text.IndexOf('\n', index) + 1;
            if (index == 0)
            {
                return text.Length;
            }
        }

        return index + column - 1;
    }
}
