namespace CoachBot.Core.Grading.Rubric;

/// <summary>Shared vocabulary: who the customer is, what counts as a security action, causal links, business words.</summary>
internal static class DomainVocabulary
{
    public static readonly TermGroup Customer = new("customer", 25,
        "customer*", "user", "users", "shopper*", "seller*", "buyer*", "client*", "consumer*", "member", "members",
        "merchant*", "on behalf of", "account holder*", "cardholder*", "subscriber*", "prime member*");

    public static readonly TermGroup People = new("people", 10, "people", "families", "households");

    public static readonly TermGroup Trust = new("trust", 20,
        "!zero trust*", "confidence", "peace of mind", "loyal*", "rely on", "relies on", "depend on", "depends on");

    public static readonly TermGroup Experience = new("experience", 15,
        "experience*", "friction*", "seamless*", "convenien*", "retention", "retain*", "satisf*", "churn*", "abandon*",
        "come back", "easier", "easy", "smooth*", "delight*", "effortless*", "hassle*", "annoy*", "inconvenien*",
        "locked out", "lock out", "lockout*", "support call*", "support contact*", "support ticket*", "complaint*",
        "barely feel", "never see", "notice*", "frustrat*", "bother*", "simple", "faster", "worried", "worry");

    public static readonly TermGroup Journey = new("journey", 8,
        "checkout*", "check out", "login*", "log in", "sign in", "signin", "purchas*", "orders", "ordering", "payment*",
        "account", "accounts", "shopping", "cart", "homes", "privacy");

    /// <summary>Words naming a security action or concern.</summary>
    public static readonly TermGroup SecurityAction = new("security", 0,
        "secur*", "protect*", "control*", "fraud*", "mfa", "2fa", "two factor", "multi factor", "authenticat*", "encrypt*",
        "detect*", "passkey*", "risk*", "privacy", "safe*", "breach*", "attack*", "threat*", "verif*", "password*",
        "phish*", "takeover*", "monitor*", "guardrail*", "defen*", "identity", "firewall*", "tls", "certificate*",
        "vulnerab*", "malware", "hack*", "compromis*", "step up", "challenge*", "scam*", "leak*", "waf", "sso",
        "access", "audit*", "complian*", "incident*", "data", "check", "checks", "checked", "otp", "one time code*",
        "one time password*", "verification", "device recognition", "trusted device*");

    /// <summary>Words that tie a cause to an effect.</summary>
    public static readonly TermGroup CausalLink = new("link", 0,
        "because", "so", "which", "means", "protect*", "build*", "builds", "earn*", "keep*", "kept", "lets", "let",
        "enabl*", "improv*", "reduc*", "so that", "leads to", "led to", "result*", "therefore", "why", "cut*", "help*",
        "preserv*", "maintain*", "without", "while", "make*", "made", "give*", "ensur*", "depend*", "rely", "relies",
        "through", "if", "when", "expect*", "enhanc*", "is how", "is what", "stop*");

    private static readonly TermGroup[] OnTopicGroups = [SecurityAction, Customer, People, Trust, Experience, Journey];

    /// <summary>Business vocabulary used to tell an on-topic answer from an off-topic one.</summary>
    public static readonly TermGroup Business = new("business", 0,
        "business*", "revenue*", "cost*", "product*", "service*", "compan*", "market*", "sales", "brand*", "profit*",
        "launch*", "feature*", "team*", "engineer*", "organi*", "convenien*", "trade off", "tradeoff*", "balanc*");

    /// <summary>
    /// True when a unit's <see cref="TieBonus"/> (see <see cref="AnswerText.TieBonuses"/>) says it names a customer and a
    /// security action, joined by a causal word.
    /// </summary>
    public static bool TiesCustomerToSecurity(int tieBonus) => tieBonus >= 30;

    /// <summary>
    /// Credit for tying the customer to a security action: 30 when a named customer and a security action are joined by
    /// a causal word in one unit; 15 when only trust or "people" are, when a named customer merely co-occurs, or when a
    /// sentence links back to the previous one ("Customers give us their cards. Security is what makes that safe.").
    /// </summary>
    public static int TieBonus(AnswerText text, Segment unit)
    {
        var inUnit = InUnitTie(text, unit);
        return inUnit >= 30 || !unit.IsSentence ? inUnit : Math.Max(inUnit, AdjacentTie(text, unit));
    }

    private static int AdjacentTie(AnswerText text, Segment sentence)
    {
        var previous = text.SentenceBefore(sentence);
        if (previous is null || !CausalLink.MatchesIn(text, sentence))
        {
            return 0;
        }

        var backToCustomer = SecurityAction.MatchesIn(text, sentence)
            && (Customer.MatchesIn(text, previous) || Trust.MatchesIn(text, previous));
        var backToSecurity = (Customer.MatchesIn(text, sentence) || Trust.MatchesIn(text, sentence))
            && SecurityAction.MatchesIn(text, previous);
        return backToCustomer || backToSecurity ? 15 : 0;
    }

    private static int InUnitTie(AnswerText text, Segment unit)
    {
        if (!SecurityAction.MatchesIn(text, unit))
        {
            return 0;
        }

        var customer = Customer.MatchesIn(text, unit);
        var linked = CausalLink.MatchesIn(text, unit);
        if (customer)
        {
            return linked ? 30 : 15;
        }

        return linked && (Trust.MatchesIn(text, unit) || People.MatchesIn(text, unit)) ? 15 : 0;
    }

    /// <summary>
    /// True when the answer uses security, customer or experience vocabulary, or at least two business words
    /// (a lone "product" or "team" does not make an answer on topic).
    /// </summary>
    public static bool IsOnTopic(AnswerText text)
    {
        var table = text.ScoredTable;
        foreach (var group in OnTopicGroups)
        {
            if (group.MatchesIn(table, 0, table.Count))
            {
                return true;
            }
        }

        return Business.CountTokens(table, 0, table.Count) >= 2;
    }
}
