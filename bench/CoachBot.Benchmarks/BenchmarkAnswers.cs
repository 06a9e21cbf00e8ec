namespace CoachBot.Benchmarks;

/// <summary>
/// Realistic answers to the study document's practice scenario ("Explain why security is important at Amazon"), built
/// deterministically to an exact number of words (whitespace-separated). An answer is the document's strong answer
/// followed by a long story about risk-based sign-in, cut at the last whole sentence that fits, then closed with a few
/// short closing sentences whose lengths (16, 8, 4, 2, 1 words) can make up any remainder below 32.
/// </summary>
public static class BenchmarkAnswers
{
    private static readonly string[] Body =
    [
        "Let me make that concrete with a program I led at my last company, a large online marketplace.",
        "We served about 40 million customers across 12 countries, and account takeover was our biggest source of customer complaints.",
        "Attackers reused leaked passwords to log in, drain gift card balances and change shipping addresses before the customer noticed.",
        "Every one of those incidents ended with a frustrated customer, a support call and often a refund we paid ourselves.",
        "The obvious fix was to force two factor authentication on every login, but our data showed that would hurt checkout conversion.",
        "So we framed the problem from the customer's side: protect the account without adding friction for the honest majority.",
        "I proposed risk-based sign-in instead of a blanket challenge.",
        "We scored each login on device, location, network and behaviour signals in real time.",
        "Low-risk sign-ins went straight through, and only the riskiest few percent saw a step-up challenge.",
        "For the challenge itself we offered passkeys and push approval in the app, because SMS codes are easy to phish.",
        "We built the scoring as a shared service with a simple API, so every product team could turn it on by default.",
        "That mattered as much as the control itself.",
        "Before, each team negotiated its own manual security review, which added weeks to every launch.",
        "With the paved road in place, teams launched new payment and account features in days instead of waiting on us.",
        "We rolled it out region by region, starting with the market that had the highest takeover rate.",
        "Each region had different privacy laws, so we worked with legal to keep the signals we stored compliant with GDPR and local rules.",
        "We also automated the tuning, so thresholds adjusted per region without someone editing a config file by hand.",
        "The results were measurable.",
        "Account takeovers fell from 0.9% to 0.3% of active accounts within two quarters.",
        "Step-up prompts dropped by 70% compared with the old rule-based system.",
        "Checkout conversion stayed flat, which was the number the business cared about most.",
        "Support contacts about locked or hijacked accounts went down by about a third year over year.",
        "Fraud losses from takeovers fell from $4M to $1.5M a quarter.",
        "We tracked false positives weekly, because every wrongly challenged customer is a small breach of trust too.",
        "When the false positive rate crept up in one market, we found a carrier that rotated IP addresses and fixed the model within a week.",
        "That is the loop I think Amazon does well: measure the customer impact, then tune.",
        "Scale changes the maths.",
        "At Amazon's size, a control that annoys one customer in a thousand still annoys hundreds of thousands of people every day.",
        "And an attack that works once can be automated against millions of accounts in an afternoon.",
        "So controls have to be automated, consistent across every region and business unit, and cheap enough to run on every request.",
        "It also means security cannot be a team that says no at the end.",
        "If security slows every launch, teams find workarounds, and the workarounds are where breaches happen.",
        "Secure defaults, reusable libraries and self-service guardrails make the safe way the fast way.",
        "Encryption on by default, managed secrets and standard logging let a new service start secure on day one.",
        "Customers never see any of that, but they feel it when checkout is smooth and their account is still theirs.",
        "Trust also compounds.",
        "A customer who has never had a bad experience saves a card, turns on one-click ordering and buys more often.",
        "A customer who was hacked once hesitates before every purchase, and may quietly move to another store.",
        "That is why I would tie security metrics to customer metrics like retention, repeat purchase rate and satisfaction.",
        "It is also why I would report security work in business terms rather than counts of vulnerabilities closed.",
        "If I joined Amazon, I would start by asking which customer journeys carry the most risk.",
        "Then I would look at where customers feel friction today and whether it actually buys any protection.",
        "Often the answer is a check that made sense years ago and now only adds a prompt.",
        "Removing it improves the experience without weakening security.",
        "Where a new control is needed, I would ship it as a default that teams inherit rather than a rule they must remember.",
        "I would agree the success metrics up front, both the security metric and the customer metric.",
        "And I would review them with the business every month, not just after an incident.",
        "Sellers deserve the same care as shoppers.",
        "A seller whose account is taken over loses income, and their customers may receive fake listings or never get their orders.",
        "Protecting sellers protects the whole marketplace.",
        "Incident response is part of trust as well.",
        "When something does go wrong, customers judge us by how fast and how honestly we tell them.",
        "On my team we rehearsed breach notifications twice a year so the first draft was never written under pressure.",
        "AWS customers raise the bar again, because their own customers inherit whatever protection we give them.",
        "A misconfigured default there is not one weak account but thousands of businesses exposed at once.",
        "That is why secure defaults and automated checks for things like public storage buckets matter so much at that scale.",
        "I also think about privacy as part of security, not a separate compliance exercise.",
        "Collecting less data means there is less to lose, and customers notice when a company asks only for what it needs.",
        "Devices raise the stakes further, because customers let Amazon into their homes through cameras, doorbells and speakers.",
        "Nobody will put a camera in the living room unless they believe the company behind it takes privacy seriously.",
        "So security is not a cost centre at Amazon; it is part of the product customers are buying.",
        "Customer trust is hard to earn and easy to lose, and security is how we keep earning it.",
    ];

    /// <summary>Closing sentences of 16, 8, 4, 2 and 1 words: together they can make up any remainder from 0 to 31.</summary>
    private static readonly string[] Closers =
    [
        "In short, security is how Amazon keeps the trust customers place in it every single day.",
        "That trust is what keeps customers coming back.",
        "And it is measurable.",
        "Customers notice.",
        "Thanks.",
    ];

    /// <summary>Builds an answer of exactly <paramref name="words"/> words that starts with <paramref name="strongAnswer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sentences cannot make up exactly that many words.</exception>
    public static string Build(string strongAnswer, int words)
    {
        var sentences = new List<string>();
        var count = 0;
        foreach (var sentence in Sentences(strongAnswer).Concat(Body))
        {
            var length = WordCount(sentence);
            if (count + length > words)
            {
                break;
            }

            sentences.Add(sentence);
            count += length;
        }

        foreach (var closer in Closers)
        {
            var length = WordCount(closer);
            if (count + length <= words)
            {
                sentences.Add(closer);
                count += length;
            }
        }

        var answer = string.Join(' ', sentences);
        return WordCount(answer) == words
            ? answer
            : throw new ArgumentOutOfRangeException(nameof(words), words, $"Only {WordCount(answer)} words of sentences fit.");
    }

    /// <summary>Whitespace-separated words, the count the benchmark's parameter names.</summary>
    public static int WordCount(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    // The strong answer is three plain sentences ending in ". "; splitting there keeps each one whole.
    private static string[] Sentences(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.EndsWith('.') ? s : s + ".")
            .ToArray();
}
