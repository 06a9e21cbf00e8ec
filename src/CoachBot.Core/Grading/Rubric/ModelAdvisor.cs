namespace CoachBot.Core.Grading.Rubric;

/// <summary>Missing texts and tips for the built-in models, chosen from what the answer already has.</summary>
internal static class ModelAdvisor
{
    public static ModelAdvice CustomerFirst(LexiconOutcome outcome)
    {
        var hasCustomer = outcome.Groups.Contains("customer") || outcome.Groups.Contains("trust") || outcome.Groups.Contains("people");
        if (!hasCustomer)
        {
            return new(
                "No mention of customers or their trust",
                "Open with the customer: say whose trust the control protects and how it changes their experience, "
                + "e.g. 'MFA on new devices protects customers' accounts without adding friction at checkout'.");
        }

        if (!outcome.BonusEarned || outcome.Score < 50)
        {
            return new(
                "Customers are mentioned, but not tied to a specific security decision",
                "Tie the security action to the customer in one sentence, e.g. 'we added risk-based sign-in so "
                + "customers keep their accounts safe without extra prompts'.");
        }

        return new(
            "The customer outcome (experience, retention or satisfaction) that the control changed is not spelled out",
            "Name the customer outcome the control changed, e.g. 'fewer customers abandoned checkout once the extra "
            + "password step was gone'.");
    }

    public static ModelAdvice Scale(LexiconOutcome outcome)
    {
        if (outcome.Groups.Count == 0)
        {
            return new(
                "Nothing about scale: no customer counts, regions, automation or consistent standards",
                "Show it works at Amazon scale, e.g. 'automated for 200M+ customers across every region with one "
                + "consistent standard'.");
        }

        if (!outcome.Groups.Contains("automation") && !outcome.Groups.Contains("consistency"))
        {
            return new(
                "Scale is mentioned, but not how the control is automated or kept consistent across regions and teams",
                "Say how the control is automated and kept consistent, e.g. 'the same automated check runs in every "
                + "region and business unit, so no team has to rebuild it'.");
        }

        return new(
            "The size of the problem (how many customers, regions or jurisdictions) is not stated",
            "Put a size on it, e.g. 'this covers 300 million customers across 20 marketplaces and their regulators'.");
    }

    public static ModelAdvice Innovation(LexiconOutcome outcome)
    {
        if (outcome.Groups.Count == 0 || (outcome.Groups.Count == 1 && outcome.Groups.Contains("builders")))
        {
            return new(
                "Nothing on how security helps teams ship faster (guardrails, self-service, secure defaults)",
                "Show how security speeds teams up, e.g. 'secure-by-default libraries and self-service guardrails let "
                + "teams launch without waiting for a manual review'.");
        }

        if (!outcome.Groups.Contains("guardrails") && !outcome.Groups.Contains("self-service"))
        {
            return new(
                "Says security helps teams move, but not the mechanism (guardrails, paved roads, self-service, safe defaults)",
                "Name the mechanism that lets teams move fast, e.g. 'a paved-road payments library with encryption on "
                + "by default, so teams ship without a separate security review'.");
        }

        return new(
            "The mechanism is there, but not what it let teams launch or how much faster",
            "Say what the guardrails let teams launch and how much sooner, e.g. 'two teams launched new payment "
            + "methods in weeks instead of months'.");
    }

    public static ModelAdvice Quantified(ImpactStage stage) => stage switch
    {
        ImpactStage.NoFigure => new(
            "No number tied to a customer or business result",
            "Add one number tied to a customer result and its baseline, e.g. 'cut account-takeover rates from 1.2% to 0.4%'."),
        ImpactStage.BareFigure => new(
            "The numbers are not tied to a customer or business result",
            "Attach your number to a customer result with a baseline, e.g. 'checkout abandonment fell from 8% to 5%'."),
        ImpactStage.Placeholder => new(
            "The figure is a placeholder, with no real number or baseline",
            "Replace the placeholder with a real figure and its baseline, e.g. 'fraud losses fell from $120M to $70M a year'."),
        ImpactStage.ResultWithoutBaseline => new(
            "The result has no baseline or before/after comparison",
            "Give the baseline for your result, e.g. 'from 1.2% to 0.4%' or 'compared with the previous quarter'."),
        _ => new(
            "The measured result is not framed for customers or the business",
            "Say what the change meant for customers or revenue, e.g. 'which kept 30,000 more customers a month'."),
    };
}
