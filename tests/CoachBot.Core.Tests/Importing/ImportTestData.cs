using CoachBot.Core.Importing;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Tests.Importing;

/// <summary>Sets and documents shared by the importer, exporter and schema tests.</summary>
internal static class ImportTestData
{
    public const string SeedSource = "amazon-security-customer-trust.md";

    /// <summary>
    /// A small valid JSON document; malformed-input tests change one line of it, so its line numbers matter:
    /// models on lines 4–7, questions on lines 8–11.
    /// </summary>
    public static readonly string[] JsonLines =
    [
        /* 1 */ "{",
        /* 2 */ "  \"id\": \"sre\",",
        /* 3 */ "  \"title\": \"SRE prep\",",
        /* 4 */ "  \"models\": [",
        /* 5 */ "    { \"slug\": \"error-budgets\", \"name\": \"Error Budgets\" },",
        /* 6 */ "    { \"slug\": \"toil\", \"name\": \"Toil\" }",
        /* 7 */ "  ],",
        /* 8 */ "  \"questions\": [",
        /* 9 */ "    { \"id\": \"q1\", \"text\": \"What is an SLO?\", \"type\": \"concept\", \"targetModels\": [\"error-budgets\"] },",
        /* 10 */ "    { \"id\": \"q2\", \"text\": \"Tell me about toil\", \"type\": \"example-story\" }",
        /* 11 */ "  ]",
        /* 12 */ "}",
    ];

    /// <summary>The same document as <see cref="JsonLines"/> in YAML; models on lines 3–7, questions on lines 8–15.</summary>
    public static readonly string[] YamlLines =
    [
        /* 1 */ "id: sre",
        /* 2 */ "title: SRE prep",
        /* 3 */ "models:",
        /* 4 */ "  - slug: error-budgets",
        /* 5 */ "    name: Error Budgets",
        /* 6 */ "  - slug: toil",
        /* 7 */ "    name: Toil",
        /* 8 */ "questions:",
        /* 9 */ "  - id: q1",
        /* 10 */ "    text: What is an SLO?",
        /* 11 */ "    type: concept",
        /* 12 */ "    targetModels: [error-budgets]",
        /* 13 */ "  - id: q2",
        /* 14 */ "    text: Tell me about toil",
        /* 15 */ "    type: example-story",
    ];

    /// <summary><see cref="JsonLines"/> with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string JsonWith(int line, string replacement) => Join(JsonLines, line, replacement);

    /// <summary><see cref="YamlLines"/> with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string YamlWith(int line, string replacement) => Join(YamlLines, line, replacement);

    public static string Json() => string.Join('\n', JsonLines);

    public static string Yaml() => string.Join('\n', YamlLines);

    /// <summary>The seed document, parsed (the set the bot starts with).</summary>
    public static QuestionSet Seed() =>
        new StudyDocumentParser().Parse(File.ReadAllText(SeedDocument.Path), SeedSource, "amazon-customer-trust").Set!;

    /// <summary>
    /// A set full of text that is easy to break: multi-line answers (with and without a final newline, with
    /// indented and blank lines, with CRLF), hints, a disabled question, non-ASCII text, quotes, colons, strings
    /// that look like YAML numbers, booleans and nulls, leading spaces, '#', '- ' and '&amp;'.
    /// </summary>
    public static QuestionSet Rich() => new(
        "tricky-set",
        "Quotes \"double\" and 'single': colons, # hashes & more",
        "Line one\nline two\n\n  indented line four\n",
        "rich.yaml",
        7,
        [
            new MentalModel("blast-radius", "Blast Radius", "Limit: what one failure can break", ["Names a boundary", "- starts with a dash", "  indented first line\nsecond\ttabbed"]),
            new MentalModel("zurich-cafe", "Zürich Café ☕", "Ünïcödé, 中文, עברית and 🚀", []),
        ],
        ["true", "42", "null", "~", "  leading spaces", "trailing spaces  ", "@at", "key: value"],
        [
            new Question("q1", "What is \"blast radius\"?\nAnswer in two lines.", QuestionType.Concept,
                "It's: small.", "Multi-line strong answer:\n- point one\n- point two\n\n    code block\nend without newline",
                ["blast-radius"])
            {
                Hints = ["Think: cells", "yes", "no", "0x1F", "1e3", "'quoted'"],
            },
            new Question("Story_2", "Tell me about a time…", QuestionType.ExampleStory, null, "Ends with a newline\n", ["zurich-cafe", "blast-radius"]),
            new Question("q-3", "Trade-off: speed vs. safety?", QuestionType.TradeOff, "Windows\r\nline ends\r\n", null, [], Enabled: false),
            new Question("s1", "  Scenario with leading spaces and a tab\there", QuestionType.Scenario, "", "   ", []),
        ]);

    /// <summary>Every piece of text in <paramref name="set"/>, for checks that look at all of it.</summary>
    public static IEnumerable<string> AllText(QuestionSet set) =>
        new[] { set.Id, set.Title, set.Description, set.Source }
            .Concat(set.SuccessCriteria)
            .Concat(set.Models.SelectMany(m => new[] { m.Slug, m.Name, m.Description }.Concat(m.EvidenceHints)))
            .Concat(set.Questions.SelectMany(q =>
                new[] { q.Id, q.Text, q.GenericAnswer ?? string.Empty, q.StrongAnswer ?? string.Empty }.Concat(q.Hints)));

    private static string Join(string[] lines, int line, string replacement)
    {
        var copy = lines.ToArray();
        copy[line - 1] = replacement;
        return string.Join('\n', copy);
    }
}
