using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CoachBot.Core.Importing;

/// <summary>
/// Prints a <see cref="DocumentNode"/> tree as block-style YAML with YamlDotNet's emitter. Multi-line text is
/// written as a literal block (<c>|</c>), so it reads as it will be shown; strings that would read back as
/// something else (<c>true</c>, <c>42</c>, <c>null</c>) are quoted; lines are never folded.
/// </summary>
internal static class YamlTreeWriter
{
    private static readonly EmitterSettings Settings = EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n");

    public static string Write(DocumentNode root)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(IEmitter emitter, DocumentNode node)
    {
        switch (node)
        {
            case DocumentObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var property in obj.Properties)
                {
                    emitter.Emit(new Scalar(null, null, property.Name, StringStyle(property.Name), isPlainImplicit: true, isQuotedImplicit: true));
                    Write(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case DocumentArray array:
                var style = array.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, style));
                foreach (var item in array.Items)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case DocumentScalar { Kind: ScalarKind.String } s:
                emitter.Emit(new Scalar(null, null, s.Text, StringStyle(s.Text), isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case DocumentScalar s:
                emitter.Emit(new Scalar(null, null, s.Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    /// <summary>
    /// Double quotes for text with control characters other than tab and line feed (only escapes keep a carriage
    /// return) and for text that plain YAML would read as another type (<see cref="YamlScalars.NeedsQuotes"/>); literal blocks for other multi-line text;
    /// otherwise the emitter's choice (plain when that is safe, quoted when not).
    /// </summary>
    private static ScalarStyle StringStyle(string text)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return ScalarStyle.Literal;
        }

        return YamlScalars.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
    }
}
