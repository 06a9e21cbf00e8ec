using System.Text.RegularExpressions;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>How far the answer's best quantified claim goes.</summary>
internal enum ImpactStage
{
    NoFigure,
    BareFigure,
    ResultWithoutBaseline,
    Placeholder,
    WithBaseline,
}

/// <summary>The outcome of looking for quantified impact in an answer.</summary>
/// <param name="Credit">0–100 for the best unit (plus a small bonus for further quantified sentences).</param>
/// <param name="Best">The unit that earned the most credit, or <c>null</c>.</param>
/// <param name="Stage">How far the best claim goes.</param>
/// <param name="FigureCount">Real figures (not placeholders, not years) in the scored text.</param>
/// <param name="TiedToResult">True when at least one figure sits in a unit naming a customer or business result.</param>
internal sealed record ImpactReport(int Credit, Segment? Best, ImpactStage Stage, int FigureCount, bool TiedToResult);

/// <summary>
/// Scores quantified impact per unit: a figure (10) tied to a result (+30) — a result word within a few tokens of the
/// figure — with a direction of change (+20), a baseline or before/after comparison (+25) and customer or business
/// framing (+15). Placeholder-only units earn 60%.
/// </summary>
internal static partial class ImpactAnalyzer
{
    /// <summary>How many tokens may separate a figure from the result it quantifies.</summary>
    private const int ResultWindow = 6;

    public static readonly TermGroup Result = new("result", 0,
        "fraud*", "takeover*", "chargeback*", "abandon*", "conversion*", "churn*", "retention", "satisf*", "nps", "csat",
        "loss", "losses", "revenue*", "cost*", "incident*", "ticket*", "complaint*", "contacts", "calls", "lockout*",
        "success", "latency", "downtime", "outage*", "breach*", "compromis*", "phish*", "false positive*", "approval*",
        "drop off", "completion", "adoption", "sales", "orders", "prompts", "challenges", "friction", "attacks", "scam*",
        "reports", "time to", "minutes", "hours", "drop-off", "signups", "sign ups", "purchases", "checkouts");

    public static readonly TermGroup Change = new("change", 0,
        "reduc*", "cut", "cuts", "cutting", "drop*", "fell", "fall*", "decreas*", "lower*", "increas*", "improv*",
        "rais*", "rose", "grew", "grow*", "prevent*", "sav*", "avoid*", "eliminat*", "halv*", "doubl*", "down", "up",
        "fewer", "less", "more", "higher", "went", "shrank", "boost*", "declin*", "stopped", "blocked", "stayed");

    public static readonly TermGroup BusinessFrame = new("frame", 0,
        "customer*", "shopper*", "seller*", "user", "users", "member*", "revenue*", "sales", "loss", "losses",
        "conversion*", "checkout*", "orders", "accounts", "business*", "cost*", "profit*", "purchase*");

    public static ImpactReport Analyze(AnswerText text)
    {
        var best = 0;
        Segment? bestUnit = null;
        var stage = ImpactStage.NoFigure;
        var figures = 0;
        var tied = false;
        var quantifiedSentences = 0;
        var sentenceMatched = false;
        foreach (var unit in text.Units)
        {
            // A sentence comes before its clauses. A clause is bordered by spaces or break characters, which every figure
            // pattern treats like the edge of the text, so a figure in a clause is also a match in its sentence: when the
            // sentence matched nothing, its clauses are not scanned again.
            var quantities = unit.IsSentence
                ? QuantityFinder.Find(text.Original, unit.Span, out sentenceMatched)
                : sentenceMatched ? QuantityFinder.Find(text.Original, unit.Span, out _) : [];
            var (credit, unitStage) = Credit(text, unit, quantities);
            if (unit.IsSentence)
            {
                figures += quantities.Count(q => q.Kind == QuantityKind.Figure);
                tied |= credit >= 40;
                quantifiedSentences += credit >= 40 ? 1 : 0;
            }

            if (credit > best || (credit == best && credit > 0 && bestUnit is not null && unit.Span.Length < bestUnit.Span.Length))
            {
                (best, bestUnit, stage) = (credit, unit, unitStage);
            }
        }

        var bonus = Math.Min(16, 8 * Math.Max(0, quantifiedSentences - 1));
        return new ImpactReport(Math.Min(100, best + (best > 0 ? bonus : 0)), bestUnit, stage, figures, tied);
    }

    private static (int Credit, ImpactStage Stage) Credit(AnswerText text, Segment unit, List<Quantity> quantities)
    {
        if (quantities.Count == 0)
        {
            return (0, ImpactStage.NoFigure);
        }

        if (!IsTiedToResult(text, unit, quantities))
        {
            return (10, ImpactStage.BareFigure);
        }

        var lower = text.TextOf(unit).ToLowerInvariant();
        var changed = Change.MatchesIn(text, unit);
        var realFigures = quantities.Count(q => q.Kind == QuantityKind.Figure);
        var baseline = FromToRegex().IsMatch(lower) || BaselineRegex().IsMatch(lower) || (changed && realFigures >= 2);
        var credit = 40 + (changed ? 20 : 0) + (baseline && (changed || FromToRegex().IsMatch(lower)) ? 25 : 0)
            + (BusinessFrame.MatchesIn(text, unit) ? 15 : 0);
        if (realFigures == 0)
        {
            return ((int)Math.Round(credit * 0.6, MidpointRounding.AwayFromZero), ImpactStage.Placeholder);
        }

        return (Math.Min(100, credit), baseline ? ImpactStage.WithBaseline : ImpactStage.ResultWithoutBaseline);
    }

    private static bool IsTiedToResult(AnswerText text, Segment unit, List<Quantity> quantities)
    {
        var results = Result.Matches(text.Table, unit.FirstToken, unit.TokenCount);
        if (results.Count == 0)
        {
            return false;
        }

        foreach (var quantity in quantities)
        {
            var at = TokenIndexAt(text, unit, quantity.Start);
            if (results.Exists(r => Math.Abs(r.Index - at) <= ResultWindow || Math.Abs(r.Index + r.Length - 1 - at) <= ResultWindow))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first token of the unit that ends after <paramref name="charIndex"/>.</summary>
    private static int TokenIndexAt(AnswerText text, Segment unit, int charIndex)
    {
        var end = unit.FirstToken + unit.TokenCount;
        for (var i = unit.FirstToken; i < end; i++)
        {
            var token = text.Tokens[i];
            if (token.Start + token.Length > charIndex)
            {
                return i;
            }
        }

        return Math.Max(unit.FirstToken, end - 1);
    }

    [GeneratedRegex(@"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?[$€£]?\d[\d.,]*\s?(?:%|[a-z]+)?\s+(?:down\s+|up\s+)?to\s+[$€£]?\d",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FromToRegex();

    [GeneratedRegex(@"\b(?:before (?:and|vs\.?|versus) after|before/after|baseline|than before|compared (?:with|to)|versus|vs\.?|year over year|year-over-year|month over month|quarter over quarter|yoy|previous(?:ly)?|prior year|last year|down from|up from|instead of|halved|doubled|tripled|by half)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BaselineRegex();
}
