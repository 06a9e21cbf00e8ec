using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CoachBot.Core.Importing;

/// <summary>
/// Reads YAML into a <see cref="DocumentNode"/> tree from YamlDotNet's parser events, keeping each node's line and
/// column. Plain scalars are typed by the core schema (<see cref="YamlScalars"/>); quoted and block scalars are
/// strings. Aliases are refused rather than expanded (an alias bomb cannot blow up the import), and only one
/// document is read.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>The document's tree, or <c>null</c> after adding the problem(s) to <paramref name="problems"/>.</summary>
    public static DocumentNode? Read(string yaml, List<ImportProblem> problems)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                problems.Add(Error(1, 1, "the document is empty"));
                return null;
            }

            var root = ReadNode(parser, 0, problems);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart extra)
            {
                problems.Add(Error(extra.Start.Line, extra.Start.Column, "only one YAML document is allowed: remove the second '---' and what follows"));
            }

            return problems.Exists(p => p.Severity == ImportSeverity.Error) ? null : root;
        }
        catch (YamlException e)
        {
            problems.Add(Error(e.Start.Line, e.Start.Column, "invalid YAML: " + Describe(e.Message)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these rather than a YamlException on some malformed input (an odd flow collection,
            // a tag that is not a URI); there is no position, so the last event read stands for it.
            var end = parser.Current?.End ?? Mark.Empty;
            problems.Add(Error(Math.Max(end.Line, 1), Math.Max(end.Column, 1), "invalid YAML: the text after this point cannot be read"));
            return null;
        }
    }

    private static DocumentNode ReadNode(IParser parser, int depth, List<ImportProblem> problems)
    {
        var start = parser.Current!.Start;
        if (depth > DocumentNode.MaxDepth)
        {
            throw new YamlException(start, start, $"the document is nested more than {DocumentNode.MaxDepth} levels deep");
        }

        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return ToScalar(scalar);
            case SequenceStart:
                parser.MoveNext();
                var items = new List<DocumentNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1, problems));
                }

                return new DocumentArray((int)start.Line, (int)start.Column, items);
            case MappingStart:
                parser.MoveNext();
                var properties = new List<DocumentProperty>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, depth + 1, problems);
                    var value = ReadNode(parser, depth + 1, problems);
                    if (key is DocumentScalar { Kind: not ScalarKind.Null } name)
                    {
                        properties.Add(new DocumentProperty(name.Text, key.Line, key.Column, value));
                    }
                    else
                    {
                        problems.Add(Error(key.Line, key.Column, "a key must be a plain name, not " + key.Description));
                    }
                }

                return new DocumentObject((int)start.Line, (int)start.Column, properties);
            case AnchorAlias alias:
                parser.MoveNext();
                problems.Add(Error(start.Line, start.Column, $"aliases (*{alias.Value}) are not supported: write the value out"));
                return new DocumentScalar((int)start.Line, (int)start.Column, ScalarKind.Null, "null");
            default:
                throw new YamlException(start, start, $"unexpected {parser.Current!.GetType().Name}");
        }
    }

    private static DocumentScalar ToScalar(Scalar scalar)
    {
        var kind = scalar.Style == ScalarStyle.Plain && scalar.IsPlainImplicit ? YamlScalars.Resolve(scalar.Value) : ScalarKind.String;
        var text = kind == ScalarKind.Boolean ? YamlScalars.CanonicalBoolean(scalar.Value) : scalar.Value;
        return new DocumentScalar((int)scalar.Start.Line, (int)scalar.Start.Column, kind, text);
    }

    /// <summary>YamlDotNet's message, starting with a lowercase letter, without the position it repeats.</summary>
    private static string Describe(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message;
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : text;
    }

    private static ImportProblem Error(long line, long column, string message) =>
        new(ImportSeverity.Error, (int)line, (int)column, message);
}
