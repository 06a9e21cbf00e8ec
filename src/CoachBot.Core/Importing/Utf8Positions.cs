using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>Turns byte offsets in UTF-8 text into 1-based lines and character columns.</summary>
internal sealed class Utf8Positions
{
    private readonly byte[] bytes;
    private readonly List<int> lineStarts = [0];

    public Utf8Positions(byte[] bytes)
    {
        this.bytes = bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line and column of the byte at <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(long offset)
    {
        var clamped = (int)Math.Clamp(offset, 0, bytes.Length);
        var index = lineStarts.BinarySearch(clamped);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, ColumnOf(lineStarts[line], clamped));
    }

    /// <summary>The position of a byte given as a 0-based line and byte-in-line (as <c>JsonException</c> reports it).</summary>
    public (int Line, int Column) At(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, lineStarts.Count - 1);
        var offset = (int)Math.Min(lineStarts[line] + bytePositionInLine, bytes.Length);
        return (line + 1, ColumnOf(lineStarts[line], offset));
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> ends (at its '\n', or the end of the text).</summary>
    public int LineEnd(int offset)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', Math.Min(offset, bytes.Length));
        return end < 0 ? bytes.Length : end;
    }

    /// <summary>Characters before <paramref name="offset"/> on its line, plus one; bytes that do not decode count one each.</summary>
    private int ColumnOf(int lineStart, int offset)
    {
        var prefix = bytes.AsSpan(lineStart, offset - lineStart);
        var columns = 0;
        while (!prefix.IsEmpty)
        {
            _ = Rune.DecodeFromUtf8(prefix, out var rune, out var consumed);
            columns += rune.Utf16SequenceLength;
            prefix = prefix[Math.Max(consumed, 1)..];
        }

        return columns + 1;
    }
}
