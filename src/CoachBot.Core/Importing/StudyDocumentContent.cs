namespace CoachBot.Core.Importing;

/// <summary>Everything the scanner collected from a study document, before validation and assembly.</summary>
internal sealed class StudyDocumentContent
{
    /// <summary>The first level-1 heading, cleaned.</summary>
    public string? Title { get; set; }

    /// <summary>The first heading of any level, cleaned (title fallback).</summary>
    public string? FirstHeading { get; set; }

    /// <summary>The first paragraph of the overview section.</summary>
    public string? Overview { get; set; }

    /// <summary>The first plain paragraph after the title (description fallback).</summary>
    public string? FirstParagraph { get; set; }

    /// <summary>Line of the first models heading/label, if any.</summary>
    public int? ModelsLine { get; set; }

    /// <summary>Line of the first questions heading/label, if any.</summary>
    public int? QuestionsLine { get; set; }

    /// <summary>Mental-model items in document order.</summary>
    public List<StudyDocumentModelItem> Models { get; } = [];

    /// <summary>Listed questions in document order.</summary>
    public List<string> Questions { get; } = [];

    /// <summary>"Strong answers" bullets (evidence hints).</summary>
    public List<string> Evidence { get; } = [];

    /// <summary>Success criteria with checkboxes removed.</summary>
    public List<string> Criteria { get; } = [];

    /// <summary>Practice scenarios in document order.</summary>
    public List<StudyDocumentScenario> Scenarios { get; } = [];

    /// <summary>Adds <paramref name="text"/> to <paramref name="list"/> unless it is empty.</summary>
    public static void AddIfNotEmpty(List<string> list, string text)
    {
        if (text.Length > 0)
        {
            list.Add(text);
        }
    }

    /// <summary>Adds a parsed model item (nothing when parsing found no name).</summary>
    public void AddModel(StudyDocumentModelItem? model)
    {
        if (model is not null)
        {
            Models.Add(model);
        }
    }
}

/// <summary>A mental-model item and where its name starts (1-based).</summary>
internal sealed record StudyDocumentModelItem(string Name, string Description, int Line, int Column);

/// <summary>A practice scenario with its example answers.</summary>
internal sealed class StudyDocumentScenario(string text)
{
    /// <summary>The scenario prompt.</summary>
    public string Text { get; } = text;

    /// <summary>The generic (weak) example answer.</summary>
    public string? GenericAnswer { get; set; }

    /// <summary>The strong example answer.</summary>
    public string? StrongAnswer { get; set; }
}
