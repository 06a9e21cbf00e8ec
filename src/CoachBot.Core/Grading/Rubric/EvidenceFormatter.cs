namespace CoachBot.Core.Grading.Rubric;

/// <summary>Cuts evidence to at most <see cref="MaxLength"/> characters at a word boundary, ending in an ellipsis.</summary>
internal static class EvidenceFormatter
{
    public const int MaxLength = 140;
    public const char Ellipsis = '\u2026';

    public static string Format(string text)
    {
        var trimmed = text.Trim().TrimEnd(',', ';', ':');
        if (trimmed.Length <= MaxLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', MaxLength - 1);
        var head = trimmed[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ');
        return head + Ellipsis;
    }
}
