namespace CoachBot.Core.Grading.Rubric;

/// <summary>Evidence vocabulary for the built-in mental models (the Amazon customer-trust rubric).</summary>
internal static class BuiltInLexicons
{
    public const string CustomerFirst = "customer-first-security";
    public const string ScaleThinking = "scale-thinking";
    public const string InnovationEnablement = "innovation-enablement";
    public const string QuantifiedImpact = "quantified-impact";

    public static IReadOnlyList<TermGroup> CustomerGroups { get; } =
    [
        DomainVocabulary.Customer, DomainVocabulary.People, DomainVocabulary.Trust, DomainVocabulary.Experience,
        DomainVocabulary.Journey,
    ];

    public static IReadOnlyList<TermGroup> ScaleGroups { get; } =
    [
        new("magnitude", 35, "million*", "billion*", "#mag", "thousands", "hundreds of", "tens of"),
        new("global", 30, "global*", "worldwide", "world wide", "around the world", "international*", "countr*",
            "region*", "marketplace*", "markets", "geograph*", "multi region", "locale*"),
        new("consistency", 20, "consistent*", "consistency", "standard*", "uniform*", "unified", "every service",
            "every team", "every business", "all services", "all teams", "across all", "across every", "centraliz*",
            "org wide", "company wide", "fleet*", "platform*", "shared service*", "all of them"),
        new("automation", 25, "automat*", "at scale", "programmatic*", "machine learning", "real time", "continuous*"),
        new("regulatory", 20, "jurisdiction*", "regulat*", "complian*", "gdpr", "pci", "sox", "hipaa", "laws", "legal"),
        new("organization", 25, "business unit*", "many teams", "multiple teams", "divisions", "subsidiar*", "retail",
            "aws", "devices", "many businesses", "so many businesses", "lines of business", "lots of places"),
        new("scale", 12, "scale*", "scal*", "massive*", "huge", "size", "every day", "daily", "per second", "every order",
            "every purchase", "every transaction", "every login", "every sign in"),
    ];

    public static IReadOnlyList<TermGroup> InnovationGroups { get; } =
    [
        new("guardrails", 35, "guardrail*", "paved road*", "paved path*", "golden path*", "safe default*",
            "secure default*", "secure by default", "secure by design", "default on", "on by default", "by default",
            "built in", "baked in", "came built in", "pre approved", "preapproved", "shared librar*", "reusable"),
        new("self-service", 30, "self service*", "self serve", "turn on", "opt in"),
        new("speed", 25, "ship faster", "faster", "accelerat*", "move fast*", "quick*", "speed*", "velocity",
            "time to market", "in weeks", "in days", "unblock*", "agil*", "rapid*"),
        new("launch", 20, "launch*", "ship", "ships", "shipped", "releas*", "deploy*", "new feature*", "new service*",
            "new product*", "new payment*", "innovat*", "experiment*", "build on", "go live"),
        new("enabler", 25, "enabl*", "not a blocker", "blocker*", "without slowing", "rather than slow*",
            "instead of slow*", "empower*", "lets teams", "let teams", "allow* teams", "unlock*", "freed", "frees"),
        new("review", 20, "manual review*", "security review*", "without waiting", "waiting on", "waiting for",
            "bottleneck*", "approval process*", "review*"),
        new("builders", 10, "developer*", "engineering team*", "product team*", "builder*", "teams", "engineers"),
    ];
}
