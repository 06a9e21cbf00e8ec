using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>
/// Repairs "mojibake" produced when UTF-8 text was decoded as Mac Roman (for example "‚úÖ" instead of ✅,
/// or U+F8FF followed by "üöÄ" instead of 🚀). Only character sequences whose Mac Roman bytes form a complete,
/// valid UTF-8 multi-byte sequence are rewritten; genuine accented text and typographic punctuation survive.
/// </summary>
public static class MojibakeRepair
{
    /// <summary>Mac Roman bytes 0x80–0xFF as Unicode characters (Apple's current mapping: 0xDB is €, 0xF0 is U+F8FF).</summary>
    private static readonly char[] MacRomanHigh =
    [
        '\u00C4', '\u00C5', '\u00C7', '\u00C9', '\u00D1', '\u00D6', '\u00DC', '\u00E1', // 0x80
        '\u00E0', '\u00E2', '\u00E4', '\u00E3', '\u00E5', '\u00E7', '\u00E9', '\u00E8', // 0x88
        '\u00EA', '\u00EB', '\u00ED', '\u00EC', '\u00EE', '\u00EF', '\u00F1', '\u00F3', // 0x90
        '\u00F2', '\u00F4', '\u00F6', '\u00F5', '\u00FA', '\u00F9', '\u00FB', '\u00FC', // 0x98
        '\u2020', '\u00B0', '\u00A2', '\u00A3', '\u00A7', '\u2022', '\u00B6', '\u00DF', // 0xA0
        '\u00AE', '\u00A9', '\u2122', '\u00B4', '\u00A8', '\u2260', '\u00C6', '\u00D8', // 0xA8
        '\u221E', '\u00B1', '\u2264', '\u2265', '\u00A5', '\u00B5', '\u2202', '\u2211', // 0xB0
        '\u220F', '\u03C0', '\u222B', '\u00AA', '\u00BA', '\u03A9', '\u00E6', '\u00F8', // 0xB8
        '\u00BF', '\u00A1', '\u00AC', '\u221A', '\u0192', '\u2248', '\u2206', '\u00AB', // 0xC0
        '\u00BB', '\u2026', '\u00A0', '\u00C0', '\u00C3', '\u00D5', '\u0152', '\u0153', // 0xC8
        '\u2013', '\u2014', '\u201C', '\u201D', '\u2018', '\u2019', '\u00F7', '\u25CA', // 0xD0
        '\u00FF', '\u0178', '\u2044', '\u20AC', '\u2039', '\u203A', '\uFB01', '\uFB02', // 0xD8
        '\u2021', '\u00B7', '\u201A', '\u201E', '\u2030', '\u00C2', '\u00CA', '\u00C1', // 0xE0
        '\u00CB', '\u00C8', '\u00CD', '\u00CE', '\u00CF', '\u00CC', '\u00D3', '\u00D4', // 0xE8
        '\uF8FF', '\u00D2', '\u00DA', '\u00DB', '\u00D9', '\u0131', '\u02C6', '\u02DC', // 0xF0
        '\u00AF', '\u02D8', '\u02D9', '\u02DA', '\u00B8', '\u02DD', '\u02DB', '\u02C7', // 0xF8
    ];

    /// <summary>Reverse table: character → Mac Roman byte (0x80–0xFF). ¤ is accepted as the pre-1998 meaning of 0xDB.</summary>
    private static readonly FrozenDictionary<char, byte> ByteOf = BuildReverseTable();

    /// <summary>
    /// Two-byte lead bytes accepted even when the sequence stands alone: ¬ √ ƒ ≈ ∆ Œ œ (Latin-1, Latin Extended and
    /// Greek mojibake). Other leads (–, —, “, ”, «, À, Ã…) are common in real text right before an accented letter,
    /// so a lone two-byte sequence starting with them is only repaired when it touches another repaired sequence.
    /// </summary>
    private static readonly FrozenSet<byte> SafeLoneTwoByteLeads =
        new byte[] { 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xCE, 0xCF }.ToFrozenSet();

    /// <summary>Upper bound on repair passes (each pass undoes one level of double-encoding).</summary>
    private const int MaxPasses = 8;

    /// <summary>
    /// Replaces every mojibake sequence in <paramref name="text"/> by the text it was meant to be.
    /// Returns the same instance when nothing needed repairing. Never throws; <c>null</c> becomes empty.
    /// </summary>
    /// <param name="text">Text that may contain UTF-8 decoded as Mac Roman.</param>
    /// <returns>The repaired text.</returns>
    public static string Repair(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var current = text;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = RepairOnce(current);
            if (ReferenceEquals(next, current))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>True when <see cref="Repair"/> would change <paramref name="text"/>.</summary>
    /// <param name="text">Text to inspect.</param>
    /// <returns>Whether the text contains at least one repairable mojibake sequence.</returns>
    public static bool LooksLikeMojibake(string text) =>
        !string.IsNullOrEmpty(text) && FindRepairs(text).Count > 0;

    private static string RepairOnce(string text)
    {
        var repairs = FindRepairs(text);
        if (repairs.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var repair in repairs)
        {
            builder.Append(text, position, repair.Start - position);
            builder.Append(repair.Decoded.ToString());
            position = repair.Start + repair.Length;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <summary>Finds the candidate sequences (left to right, non-overlapping) and keeps the plausible ones.</summary>
    private static List<Candidate> FindRepairs(string text)
    {
        var candidates = new List<Candidate>();
        var index = 0;
        while (index < text.Length)
        {
            if (text[index] >= 0x80 && TryMatch(text, index, out var candidate))
            {
                candidates.Add(candidate);
                index += candidate.Length;
            }
            else
            {
                index++;
            }
        }

        var accepted = new List<Candidate>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var current = candidates[i];
            var touchesPrevious = i > 0 && candidates[i - 1].Start + candidates[i - 1].Length == current.Start;
            var touchesNext = i + 1 < candidates.Count && current.Start + current.Length == candidates[i + 1].Start;
            if (current.Length >= 3 || SafeLoneTwoByteLeads.Contains(current.Lead) || touchesPrevious || touchesNext)
            {
                accepted.Add(current);
            }
        }

        return accepted;
    }

    /// <summary>Matches one Mac Roman lead character plus the continuation characters a UTF-8 sequence needs.</summary>
    private static bool TryMatch(string text, int start, out Candidate candidate)
    {
        candidate = default;
        if (!ByteOf.TryGetValue(text[start], out var lead) || lead < 0xC2 || lead > 0xF4)
        {
            return false;
        }

        var length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (start + length > text.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = lead;
        for (var k = 1; k < length; k++)
        {
            if (!ByteOf.TryGetValue(text[start + k], out var next) || next > 0xBF)
            {
                return false;
            }

            bytes[k] = next;
        }

        if (Rune.DecodeFromUtf8(bytes[..length], out var rune, out var consumed) != System.Buffers.OperationStatus.Done
            || consumed != length
            || !IsPlausible(rune, length))
        {
            return false;
        }

        candidate = new Candidate(start, length, lead, rune);
        return true;
    }

    /// <summary>
    /// Rejects decodings that are never intended text: controls, private use (except U+F8FF, which is what a
    /// double-encoded Mac Roman 0xF0 decodes to), and, for short sequences, unassigned code points.
    /// </summary>
    private static bool IsPlausible(Rune rune, int length) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.PrivateUse => rune.Value == 0xF8FF,
            UnicodeCategory.Control or UnicodeCategory.Surrogate => false,
            UnicodeCategory.OtherNotAssigned => length == 4,
            _ => true,
        };

    private static FrozenDictionary<char, byte> BuildReverseTable()
    {
        var map = new Dictionary<char, byte>(MacRomanHigh.Length + 1);
        for (var i = 0; i < MacRomanHigh.Length; i++)
        {
            map[MacRomanHigh[i]] = (byte)(0x80 + i);
        }

        map.TryAdd('\u00A4', 0xDB);
        return map.ToFrozenDictionary();
    }

    private readonly record struct Candidate(int Start, int Length, byte Lead, Rune Decoded);
}
