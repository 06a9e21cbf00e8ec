namespace CoachBot.Core.Messages;

/// <summary>
/// A channel-neutral message from the coach. The bot layer renders it per channel (Adaptive Card,
/// Slack mrkdwn, plain text); the practice flow never builds channel markup itself.
/// </summary>
public sealed record CoachMessage
{
    /// <summary>The content, top to bottom.</summary>
    public required IReadOnlyList<CoachBlock> Blocks { get; init; }

    /// <summary>Buttons; each sends its <see cref="CoachAction.Command"/> as if the user typed it.</summary>
    public IReadOnlyList<CoachAction> Actions { get; init; } = [];

    /// <summary>A one-line summary for notifications and card fallbacks.</summary>
    public required string Summary { get; init; }

    /// <summary>All text of the message as plain lines (for logs-free tests and text fallbacks).</summary>
    public string ToPlainText() => string.Join('\n', Blocks.Select(b => b.ToPlainText()));

    /// <summary>A message made of plain paragraphs.</summary>
    public static CoachMessage FromText(string text, params CoachAction[] actions) => new()
    {
        Blocks = [new TextBlock(text)],
        Actions = actions,
        Summary = text.Split('\n')[0],
    };
}

/// <summary>A part of a <see cref="CoachMessage"/>.</summary>
public abstract record CoachBlock
{
    /// <summary>The block as plain text.</summary>
    public abstract string ToPlainText();
}

/// <summary>How a text block is emphasised.</summary>
public enum TextStyle
{
    /// <summary>Ordinary paragraph.</summary>
    Normal,

    /// <summary>A heading (bold, larger).</summary>
    Heading,

    /// <summary>A quotation, e.g. the question being asked.</summary>
    Quote,

    /// <summary>Secondary information (smaller, muted).</summary>
    Subtle,
}

/// <summary>A paragraph.</summary>
public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Normal) : CoachBlock
{
    /// <inheritdoc />
    public override string ToPlainText() => Style == TextStyle.Quote ? $"\u201C{Text}\u201D" : Text;
}

/// <summary>A list of label/value pairs, e.g. one line per mental model.</summary>
public sealed record FactsBlock(IReadOnlyList<CoachFact> Facts) : CoachBlock
{
    /// <inheritdoc />
    public override string ToPlainText() => string.Join('\n', Facts.Select(f => $"- {f.Label}: {f.Value}"));
}

/// <summary>One label/value pair.</summary>
public sealed record CoachFact(string Label, string Value);

/// <summary>A button that sends <paramref name="Command"/> back to the coach.</summary>
public sealed record CoachAction(string Title, string Command);
