using System.Buffers;
using System.Globalization;
using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>Strict UTF-8 decoding for uploaded files: a byte-order mark is fine, invalid bytes are errors with their line.</summary>
internal static class Utf8Decoding
{
    /// <summary>At most this many lines with invalid bytes are listed; the rest are counted in one more problem.</summary>
    private const int MaxListedLines = 10;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="content"/>, or adds one error per line that holds invalid bytes and returns <c>null</c>.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, List<ImportProblem> problems)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        if (System.Text.Unicode.Utf8.IsValid(content))
        {
            return Strict.GetString(content);
        }

        ReportInvalidLines(content.ToArray(), problems);
        return null;
    }

    private static void ReportInvalidLines(byte[] bytes, List<ImportProblem> problems)
    {
        var positions = new Utf8Positions(bytes);
        var offset = 0;
        var listed = 0;
        var unlisted = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                offset += consumed;
                continue;
            }

            if (listed < MaxListedLines)
            {
                var (line, column) = positions.At(offset);
                problems.Add(new ImportProblem(
                    ImportSeverity.Error,
                    line,
                    column,
                    string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8: byte 0x{bytes[offset]:X2} is not part of a character (save the file as UTF-8)")));
                listed++;
            }
            else
            {
                unlisted++;
            }

            offset = positions.LineEnd(offset) + 1; // one problem per line
        }

        if (unlisted > 0)
        {
            var (line, _) = positions.At(bytes.Length);
            problems.Add(new ImportProblem(
                ImportSeverity.Error, line, null, $"…and {unlisted} more line(s) with bytes that are not UTF-8"));
        }
    }
}
