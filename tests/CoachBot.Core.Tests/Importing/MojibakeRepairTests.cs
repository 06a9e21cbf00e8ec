using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Importing;

public sealed class MojibakeRepairTests
{
    public static TheoryData<string, string> Emoji => new()
    {
        { "\uF8FF\u00FC\u00A7\u00F9", "\U0001F91D" }, // ü§ù after U+F8FF → 🤝
        { "\u201A\u00F9\u00E5", "\u274C" }, // ‚ùå → ❌
        { "\u201A\u00FA\u00D6", "\u2705" }, // ‚úÖ → ✅
        { "\uF8FF\u00FC\u00F6\u00C4", "\U0001F680" }, // üöÄ after U+F8FF → 🚀
    };

    public static TheoryData<string> LegitimateText => new()
    {
        "café",
        "naïve",
        "Zürich",
        "pages 3–5",
        "“quoted” and ‘single’",
        "Crème brûlée, smörgåsbord, Ærøskøbing",
        "“Édouard” said — à la carte",
        "word—à la carte",
        "«Ça va?» «Économie»",
        "¿Qué tal? ¡Olé!",
        "Œuvre, cœur, façade",
        "5 € or 5 £ or 5 ¥",
        "π ≈ 3.14, x ≤ y ≥ z ± 1",
        "Müller’s “Übersicht”",
    };

    public static TheoryData<string> IdempotenceSamples => new()
    {
        "- \u201A\u00F9\u00E5 **Generic**: \"Security protects data\"",
        "caf√© and ‚Äú√©t√©‚Äù",
        "Ô£ø√º¬ß√π double",
        "√√√ü",
        "√√©",
        "café – “naïve” Zürich",
        "‚‚‚úÖ‚ù",
        "\uF8FF\uF8FF\u00FC\u00A7\u00F9",
    };

    [Theory]
    [MemberData(nameof(Emoji))]
    public void Repair_EmojiMojibake_ReturnsEmoji(string mojibake, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(mojibake));
    }

    [Fact]
    public void Repair_MixedDocumentLine_RepairsOnlyTheMarker()
    {
        const string line = "- \u201A\u00FA\u00D6 **Amazon-Specific**: \"Security protects customer trust, which is Amazon's most valuable asset.\"  ";

        var repaired = MojibakeRepair.Repair(line);

        Assert.Equal("- \u2705 **Amazon-Specific**: \"Security protects customer trust, which is Amazon's most valuable asset.\"  ", repaired);
    }

    [Fact]
    public void Repair_HeadingWithRocket_RepairsEmojiAndKeepsText()
    {
        Assert.Equal("## \U0001F680 Amazon Security Mindset", MojibakeRepair.Repair("## \uF8FF\u00FC\u00F6\u00C4 Amazon Security Mindset"));
    }

    [Fact]
    public void Repair_SeedDocument_RemovesAllMojibake()
    {
        var text = File.ReadAllText(SeedDocument.Path);

        var repaired = MojibakeRepair.Repair(text);

        Assert.DoesNotContain('\uF8FF', repaired);
        Assert.DoesNotContain("\u201A\u00F9", repaired, StringComparison.Ordinal);
        Assert.DoesNotContain("\u201A\u00FA", repaired, StringComparison.Ordinal);
        Assert.Contains("\U0001F91D", repaired, StringComparison.Ordinal);
        Assert.Contains("\U0001F680 Amazon Security Mindset", repaired, StringComparison.Ordinal);
        Assert.Contains("- \u274C **Generic**", repaired, StringComparison.Ordinal);
        Assert.Contains("- \u2705 **Amazon-Specific**", repaired, StringComparison.Ordinal);
        Assert.Equal(text.Length - 8, repaired.Length); // 4 emoji: 4+4+3+3 chars → 2+2+1+1
    }

    [Theory]
    [InlineData("caf√©", "café")]
    [InlineData("it‚Äôs", "it’s")]
    [InlineData("–ü—Ä–∏–≤–µ—Ç", "Привет")]
    [InlineData("10 ‚Ç¨", "10 €")]
    [InlineData("Ô£ø√º¬ß√π", "\U0001F91D")] // encoded twice
    [InlineData("‚Äö√∫√ñ", "\u2705")] // encoded twice
    public void Repair_OtherUtf8AsMacRoman_ReturnsOriginalText(string mojibake, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(mojibake));
    }

    [Theory]
    [MemberData(nameof(LegitimateText))]
    public void Repair_LegitimateAccentedText_ReturnsUnchanged(string text)
    {
        Assert.Equal(text, MojibakeRepair.Repair(text));
        Assert.False(MojibakeRepair.LooksLikeMojibake(text));
    }

    [Theory]
    [InlineData("\u00FC\u00A7\u00F9")] // 🤝 without its lead byte: continuation bytes only
    [InlineData("\u201A\u00F9")] // truncated ❌
    [InlineData("\u201A")] // lone lead at end of text
    [InlineData("\u00AC\u00C4")] // ¬Ä = C2 80, a C1 control
    public void Repair_IncompleteOrImplausibleSequence_ReturnsUnchanged(string text)
    {
        Assert.Equal(text, MojibakeRepair.Repair(text));
    }

    [Fact]
    public void Repair_EmptyString_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, MojibakeRepair.Repair(string.Empty));
        Assert.False(MojibakeRepair.LooksLikeMojibake(string.Empty));
    }

    [Fact]
    public void Repair_NoHighCharacters_ReturnsSameInstance()
    {
        var text = new string("Plain ASCII text: \"quotes\", - dashes, 100% fine.".ToCharArray());

        Assert.Same(text, MojibakeRepair.Repair(text));
    }

    [Fact]
    public void Repair_LegitimateTextWithNothingToRepair_ReturnsSameInstance()
    {
        var text = new string("café – “naïve”".ToCharArray());

        Assert.Same(text, MojibakeRepair.Repair(text));
    }

    [Theory]
    [MemberData(nameof(IdempotenceSamples))]
    public void Repair_AppliedTwice_EqualsAppliedOnce(string text)
    {
        var once = MojibakeRepair.Repair(text);

        Assert.Equal(once, MojibakeRepair.Repair(once));
    }

    [Fact]
    public void Repair_SeedDocumentTwice_EqualsOnce()
    {
        var once = MojibakeRepair.Repair(File.ReadAllText(SeedDocument.Path));

        Assert.Equal(once, MojibakeRepair.Repair(once));
    }

    [Fact]
    public void Repair_RandomText_NeverThrowsAndIsIdempotent()
    {
        var random = new Random(20240611);
        for (var i = 0; i < 500; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = random.Next(4) == 0 ? (char)random.Next(0x20, 0x7F) : (char)random.Next(0x80, 0x2200);
            }

            var once = MojibakeRepair.Repair(new string(chars));

            Assert.Equal(once, MojibakeRepair.Repair(once));
        }
    }

    [Theory]
    [InlineData("\u201A\u00F9\u00E5 Generic", true)]
    [InlineData("caf√©", true)]
    [InlineData("café", false)]
    [InlineData("plain", false)]
    public void LooksLikeMojibake_Text_DetectsRepairableSequences(string text, bool expected)
    {
        Assert.Equal(expected, MojibakeRepair.LooksLikeMojibake(text));
    }
}

internal static class SeedDocument
{
    public static string Path { get; } =
        System.IO.Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md");
}
