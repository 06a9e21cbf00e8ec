using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

public sealed class StudyDocumentParserTests
{
    private const string SeedSource = "amazon-security-customer-trust.md";

    private const string StrongSeedAnswer =
        "Security protects customer trust, which is Amazon's most valuable asset. Every security control we implement "
        + "either enhances customer experience or protects the trust that 200M+ customers place in us daily. For example, "
        + "our fraud detection systems prevent $X billion in customer losses annually while maintaining seamless purchasing experience.";

    private static readonly string[] MojibakePatterns = ["\u201A\u00C4", "\u00FC\u00A7", "\u201A\u00F9", "\u201A\u00FA", "\uF8FF"];

    /// <summary>Same shape as the seed, different content: other casing, CRLF, '*' bullets, [x], two scenarios.</summary>
    private static readonly string SyntheticDocument = string.Join(
        "\r\n",
        "\uFEFF# \U0001F9ED Google SRE Interview Prep: Reliability Focus",
        string.Empty,
        "## OVERVIEW",
        "Reliability is a feature. This guide covers",
        "how SREs think about **error budgets**.",
        string.Empty,
        "## 1. core MENTAL models",
        "* **Error Budgets**: Reliability targets that free teams to ship  ",
        "* **Toil Reduction** - Automate repetitive operational work",
        string.Empty,
        "## Team Rituals",
        "* Weekly postmortem review",
        string.Empty,
        "## \u2705 common questions",
        "* \"Tell me about a time you reduced toil\"",
        "* \u201CHow would you trade off velocity vs reliability?\u201D",
        "* \"What is an SLO?\"",
        string.Empty,
        "## Practice Scenarios",
        "**Scenario 1**: \"Your service burned its error budget. What now?\"",
        "* \u274C **Generic**: \"Stop all deployments\"",
        "* \u2705 **Strong**: \"Freeze **risky** launches, fix the top burn source, and agree a budget policy.\"",
        string.Empty,
        "**Scenario 2:** \"Explain toil to a product manager\"",
        "* **Weak answer**: \"It's boring work\"",
        "* **Google-Specific**: \"Manual, repetitive work that scales with traffic and can be automated.\"",
        string.Empty,
        "### success criteria:",
        "- [x] Explains error budgets",
        "- [ ] Gives a toil example",
        "- [X] **Quantifies** reliability",
        string.Empty);

    private static StudyDocumentParser CreateSut() => new();

    private static ImportResult ParseSeed(string? setId = null) =>
        CreateSut().Parse(File.ReadAllText(SeedDocument.Path), SeedSource, setId);

    [Fact]
    public void Parse_Seed_SucceedsWithoutErrors()
    {
        var result = ParseSeed();

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(result.Problems, p => p.Severity == ImportSeverity.Error);
    }

    [Fact]
    public void Parse_Seed_ReadsTitleIdDescriptionSourceAndVersion()
    {
        var set = ParseSeed().Set!;

        Assert.Equal("Amazon-Specific Preparation - Customer Trust Focus", set.Title);
        Assert.Equal("amazon-specific-preparation-customer-trust-focus", set.Id);
        Assert.StartsWith("Amazon's unique culture and values require specific preparation", set.Description, StringComparison.Ordinal);
        Assert.EndsWith("directly supports customer trust.", set.Description, StringComparison.Ordinal);
        Assert.Equal(SeedSource, set.Source);
        Assert.Equal(1, set.Version);
    }

    [Fact]
    public void Parse_SeedWithSetId_UsesGivenId()
    {
        Assert.Equal("amazon-customer-trust", ParseSeed("amazon-customer-trust").Set!.Id);
    }

    [Fact]
    public void Parse_Seed_ExtractsExactlyFourQuestionsInOrder()
    {
        var questions = ParseSeed().Set!.Questions;

        Assert.Equal(
            new[]
            {
                ("q1", "How does security relate to customer trust at Amazon?", QuestionType.Concept),
                ("q2", "Give an example of security improving customer experience", QuestionType.ExampleStory),
                ("q3", "How do you balance security requirements with customer convenience?", QuestionType.TradeOff),
                ("q4", "Explain why security is important at Amazon", QuestionType.Scenario),
            },
            questions.Select(q => (q.Id, q.Text, q.Type)).ToArray());
        Assert.All(questions, q => Assert.Empty(q.TargetModels));
        Assert.All(questions, q => Assert.True(q.Enabled));
        Assert.All(questions.Take(3), q => Assert.Null(q.GenericAnswer));
    }

    [Fact]
    public void Parse_Seed_ScenarioHasExactGenericAndStrongAnswers()
    {
        var scenario = ParseSeed().Set!.Questions[3];

        Assert.Equal("Security protects data and prevents breaches", scenario.GenericAnswer);
        Assert.Equal(StrongSeedAnswer, scenario.StrongAnswer);
    }

    [Fact]
    public void Parse_Seed_ExtractsExactlyFourMentalModels()
    {
        var models = ParseSeed().Set!.Models;

        Assert.Equal(
            new[]
            {
                ("customer-first-security", "Customer-First Security", "Security decisions that improve customer experience"),
                ("scale-thinking", "Scale Thinking", "Solutions that work for millions of customers globally"),
                ("innovation-enablement", "Innovation Enablement", "Security that accelerates rather than slows innovation"),
                ("quantified-impact", "Quantified Impact", "Data-driven security decisions with measurable outcomes"),
            },
            models.Select(m => (m.Slug, m.Name, m.Description)).ToArray());
    }

    [Fact]
    public void Parse_Seed_AttachesEvidenceHintsByDistinctiveWords()
    {
        var set = ParseSeed().Set!;

        Assert.Contains("Quantify security impact in customer retention/satisfaction terms", set.FindModel("quantified-impact")!.EvidenceHints);
        Assert.Contains("Show how security enables new customer features and services", set.FindModel("innovation-enablement")!.EvidenceHints);
        Assert.DoesNotContain("Show how security enables new customer features and services", set.FindModel("quantified-impact")!.EvidenceHints);
    }

    [Fact]
    public void Parse_Seed_ExtractsExactlyFiveSuccessCriteria()
    {
        Assert.Equal(
            new[]
            {
                "Can articulate security's role in customer trust",
                "Understands Amazon's scale and complexity",
                "Shows customer obsession in security thinking",
                "Quantifies security impact in business terms",
                "Demonstrates Amazon cultural alignment",
            },
            ParseSeed().Set!.SuccessCriteria);
    }

    [Fact]
    public void Parse_Seed_LeavesNoMojibakeInTheSet()
    {
        var text = ImportTestData.AllText(ParseSeed().Set!).ToList();

        foreach (var pattern in MojibakePatterns)
        {
            Assert.DoesNotContain(text, t => t.Contains(pattern, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(text, MojibakeRepair.LooksLikeMojibake);
    }

    [Fact]
    public void Parse_Seed_WarnsForIgnoredSectionsOnly()
    {
        var warnings = ParseSeed().Problems.Where(p => p.Severity == ImportSeverity.Warning).ToList();

        Assert.Contains(warnings, p => p.Line == 8 && p.Message == "ignored section 'Customer Trust is Everything'");
        Assert.Contains(warnings, p => p.Line == 14 && p.Message == "ignored section 'Scale and Responsibility'");
        Assert.DoesNotContain(warnings, p => p.Message.Contains("Contents", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, p => p.Message.Contains("Interview Application", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Seed_WarnsOnceAboutMojibakeAtFirstOccurrence()
    {
        var warning = Assert.Single(ParseSeed().Problems, p => p.Message.Contains("mojibake", StringComparison.Ordinal));

        Assert.Equal(ImportSeverity.Warning, warning.Severity);
        Assert.Equal(21, warning.Line);
        Assert.Equal(3, warning.Column);
    }

    [Fact]
    public void Parse_SeedWithCrLfAndBom_GivesSameSet()
    {
        var lf = File.ReadAllText(SeedDocument.Path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var expected = CreateSut().Parse(lf, SeedSource).Set!;
        var actual = CreateSut().Parse(crlf, SeedSource).Set!;

        Assert.Equal(ImportTestData.AllText(expected), ImportTestData.AllText(actual));
    }

    [Fact]
    public void Parse_SyntheticDocument_ReadsTitleDescriptionAndModels()
    {
        var result = CreateSut().Parse(SyntheticDocument, "sre.md");
        var set = result.Set!;

        Assert.True(result.Succeeded);
        Assert.Equal("Google SRE Interview Prep: Reliability Focus", set.Title);
        Assert.Equal("google-sre-interview-prep-reliability-focus", set.Id);
        Assert.Equal("Reliability is a feature. This guide covers how SREs think about error budgets.", set.Description);
        Assert.Equal(
            new[]
            {
                ("error-budgets", "Error Budgets", "Reliability targets that free teams to ship"),
                ("toil-reduction", "Toil Reduction", "Automate repetitive operational work"),
            },
            set.Models.Select(m => (m.Slug, m.Name, m.Description)).ToArray());
        Assert.Equal(new[] { "Explains error budgets", "Gives a toil example", "Quantifies reliability" }, set.SuccessCriteria);
    }

    [Fact]
    public void Parse_SyntheticDocument_ReadsQuestionsAndTwoScenarios()
    {
        var questions = CreateSut().Parse(SyntheticDocument, "sre.md").Set!.Questions;

        Assert.Equal(
            new[]
            {
                ("q1", "Tell me about a time you reduced toil", QuestionType.ExampleStory),
                ("q2", "How would you trade off velocity vs reliability?", QuestionType.TradeOff),
                ("q3", "What is an SLO?", QuestionType.Concept),
                ("q4", "Your service burned its error budget. What now?", QuestionType.Scenario),
                ("q5", "Explain toil to a product manager", QuestionType.Scenario),
            },
            questions.Select(q => (q.Id, q.Text, q.Type)).ToArray());
        Assert.Equal("Stop all deployments", questions[3].GenericAnswer);
        Assert.Equal("Freeze risky launches, fix the top burn source, and agree a budget policy.", questions[3].StrongAnswer);
        Assert.Equal("It's boring work", questions[4].GenericAnswer);
        Assert.Equal("Manual, repetitive work that scales with traffic and can be automated.", questions[4].StrongAnswer);
    }

    [Fact]
    public void Parse_SyntheticDocument_WarnsOnlyForUnknownSection()
    {
        var problem = Assert.Single(CreateSut().Parse(SyntheticDocument, "sre.md").Problems);

        Assert.Equal(new ImportProblem(ImportSeverity.Warning, 11, null, "ignored section 'Team Rituals'"), problem);
    }

    [Fact]
    public void Parse_CommonQuestionsAsHeadingAndTypeKeywords_InfersTypes()
    {
        const string doc = "# T\n## Mental Models\n- **A**: a\n## Common Questions\n"
            + "- \"Describe a time you failed\"\n- \"Cost versus speed?\"\n- \"Tradeoffs in caching?\"\n- \"Why TLS?\"";

        var questions = CreateSut().Parse(doc, "t.md").Set!.Questions;

        Assert.Equal(
            new[] { QuestionType.ExampleStory, QuestionType.TradeOff, QuestionType.TradeOff, QuestionType.Concept },
            questions.Select(q => q.Type).ToArray());
    }

    [Fact]
    public void Parse_ModelsAndAnswersWrittenAsBoldLines_ReadsThem()
    {
        const string doc = "# T\n## Mental Models\n**Blast Radius**: Limit what one failure can break\n"
            + "## Practice\n**Scenario**: \u201CA region fails\u201D\n**Weak**: \"Restart it\"\n**Better**: \"Fail over, then investigate\"\n"
            + "**Scenario**: \"Plain markers\"\n- \u2705 \"Good one\"\n- \u274C \"Bad one\"\n";

        var set = CreateSut().Parse(doc, "t.md").Set!;

        var model = Assert.Single(set.Models);
        Assert.Equal(("blast-radius", "Limit what one failure can break"), (model.Slug, model.Description));
        Assert.Equal(
            new (string, string?, string?)[] { ("A region fails", "Restart it", "Fail over, then investigate"), ("Plain markers", "Bad one", "Good one") },
            set.Questions.Select(q => (q.Text, q.GenericAnswer, q.StrongAnswer)).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\r\n\r\n")]
    public void Parse_EmptyDocument_ReportsErrorOnLineOne(string markdown)
    {
        var result = CreateSut().Parse(markdown, "empty.md");

        Assert.Null(result.Set);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problems);
        Assert.Equal(ImportSeverity.Error, error.Severity);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_EmptyQuestionsSection_ReportsErrorAtItsHeading()
    {
        const string doc = "# Title\n\n## Key Mental Models\n- **A**: a\n\n## Common Questions\n\n## Success Criteria\n- [ ] x\n";

        var result = CreateSut().Parse(doc, "t.md");

        Assert.Null(result.Set);
        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Parse_NoModelsSection_ReportsErrorOnLineOne()
    {
        var result = CreateSut().Parse("# Title\n## Questions\n- \"Why?\"\n", "t.md");

        Assert.Null(result.Set);
        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal(1, error.Line);
        Assert.Contains("mental models", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ModelsSectionWithoutItems_ReportsErrorAtItsHeading()
    {
        var result = CreateSut().Parse("# Title\n\n### Key Mental Models\nNothing here yet.\n## Questions\n- \"Why?\"\n", "t.md");

        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_DuplicateModelSlug_ReportsErrorAtDuplicateNameWithColumn()
    {
        const string doc = "# T\n## Mental Models\n1. **Scale Thinking**: one\n2. **Scale  thinking!**: two\n## Questions\n- \"Why?\"\n";

        var result = CreateSut().Parse(doc, "t.md");

        Assert.Null(result.Set);
        var error = Assert.Single(result.Problems, p => p.Severity == ImportSeverity.Error);
        Assert.Equal(4, error.Line);
        Assert.Equal(6, error.Column);
        Assert.Contains("scale-thinking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoQuestionsAndNoModels_ReportsBothErrors()
    {
        var result = CreateSut().Parse("# A\n## B\n### C\n#### D", "headings.md");

        Assert.Null(result.Set);
        Assert.Equal(2, result.Problems.Count(p => p.Severity == ImportSeverity.Error));
    }

    [Fact]
    public void Parse_RandomGarbage_NeverThrows()
    {
        var random = new Random(4242);
        string[] tokens = ["# ", "## ", "**", "- ", "* ", "1. ", "[ ]", "\"", ":", "\n", "\r\n", "\r", "```", "\uF8FF", "\u00FC", "\u201A", "\uD800", "\uDC00", "Scenario", "Mental Models", "Questions", "Criteria", "\u274C", "\u2705", " ", "x"];
        for (var i = 0; i < 300; i++)
        {
            var parts = Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(3) == 0
                ? ((char)random.Next(0, 0xFFFF)).ToString()
                : tokens[random.Next(tokens.Length)]);

            var result = CreateSut().Parse(string.Concat(parts), "fuzz.md");

            Assert.NotNull(result);
            Assert.Equal(result.Set is not null, result.Succeeded);
        }
    }

    [Fact]
    public void Parse_HugeLine_DoesNotThrow()
    {
        var huge = "## " + new string('\u201A', 200_000) + string.Concat(Enumerable.Repeat("**a**: \u00FC\u00A7", 50_000));

        var result = CreateSut().Parse($"# T\n{huge}\n- {huge}\n**Scenario**: {huge}", "huge.md");

        Assert.NotNull(result);
    }

    [Fact]
    public void Parse_NullArguments_DoNotThrow()
    {
        var result = CreateSut().Parse(null!, null!);

        Assert.Null(result.Set);
    }
}
