using Kind = CoachBot.Core.Importing.StudyDocumentSectionKind;

namespace CoachBot.Core.Importing;

/// <summary>
/// One pass over the (already repaired) lines of a study document: tracks the current heading and bold-label scope
/// and routes each line to the part of <see cref="StudyDocumentContent"/> it belongs to. Adds "ignored section"
/// warnings for unrecognised headings whose own content was skipped.
/// </summary>
internal sealed class StudyDocumentScanner(IReadOnlyList<string> lines, List<ImportProblem> problems)
{
    private readonly StudyDocumentContent _content = new();
    private Kind _headingKind = Kind.None;
    private Kind _scopeKind = Kind.None;
    private string _headingText = string.Empty;
    private int _headingLine;
    private bool _headingHasIgnoredContent;
    private StudyDocumentScenario? _scenario;
    private int? _listIndent;
    private List<string>? _paragraph;
    private Kind _paragraphKind;
    private bool _inFence;

    /// <summary>Scans every line and returns what was found.</summary>
    public StudyDocumentContent Scan()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            ScanLine(i + 1, lines[i]);
        }

        EndParagraph();
        CloseScenario();
        CloseHeading();
        return _content;
    }

    private void ScanLine(int number, string line)
    {
        if (StudyDocumentText.IsFence(line) || _inFence)
        {
            _inFence ^= StudyDocumentText.IsFence(line);
            EndParagraph();
            NoteIgnored();
        }
        else if (string.IsNullOrWhiteSpace(line) || StudyDocumentText.IsRule(line))
        {
            EndParagraph();
        }
        else if (StudyDocumentText.TryParseHeading(line, out var level, out var heading))
        {
            EndParagraph();
            OpenHeading(number, level, heading);
        }
        else if (StudyDocumentText.TryParseLabel(line, out var label, out var rest))
        {
            EndParagraph();
            OpenLabel(number, label, rest, line.IndexOf(label, StringComparison.Ordinal) + 1);
        }
        else if (StudyDocumentText.TryParseBullet(line, out var indent, out var item, out var column))
        {
            EndParagraph();
            OnBullet(number, indent, item, column);
        }
        else
        {
            OnPlain(line);
        }
    }

    private void OpenHeading(int number, int level, string heading)
    {
        CloseScenario();
        CloseHeading();
        var display = StudyDocumentText.CleanDisplay(heading);
        _content.FirstHeading ??= display.Length > 0 ? display : null;
        Kind kind;
        if (level == 1 && _content.Title is null && display.Length > 0)
        {
            _content.Title = display;
            kind = Kind.Title;
        }
        else
        {
            kind = StudyDocumentSections.Classify(StudyDocumentWords.Key(heading));
        }

        _headingKind = kind;
        _headingText = display.Length > 0 ? display : heading.Trim();
        _headingLine = number;
        _headingHasIgnoredContent = false;
        EnterScope(kind, number);
    }

    private void OpenLabel(int number, string label, string rest, int column)
    {
        var key = StudyDocumentWords.Key(label);
        var isScenario = StudyDocumentSections.IsScenario(key);
        if (rest.Length > 0 && _scenario is not null && !isScenario)
        {
            // "**Generic**: "…"" written as a line rather than a list item under the scenario.
            StudyDocumentItems.ApplyAnswer(_scenario, $"**{label}**: {rest}");
            return;
        }

        CloseScenario();
        if (rest.Length > 0 && isScenario)
        {
            _scenario = new StudyDocumentScenario(StudyDocumentItems.Quoted(rest));
            EnterScope(Kind.Practice, number);
            return;
        }

        // "**Name**: description" / "**Q1**: "…"" written as lines rather than list items.
        if (rest.Length > 0 && _scopeKind == Kind.Models)
        {
            _content.AddModel(StudyDocumentItems.ParseModel($"**{label}**: {rest}", number, column - 2));
            return;
        }

        if (rest.Length > 0 && _scopeKind == Kind.Questions)
        {
            StudyDocumentContent.AddIfNotEmpty(_content.Questions, StudyDocumentItems.Quoted(rest));
            return;
        }

        var kind = StudyDocumentSections.Classify(key);
        if (rest.Length == 0 && kind is Kind.Models or Kind.Questions or Kind.Evidence or Kind.Practice or Kind.Criteria)
        {
            EnterScope(kind, number);
            return;
        }

        EnterScope(_headingKind, number);
        NoteIgnored();
    }

    private void EnterScope(Kind kind, int number)
    {
        _scopeKind = kind;
        _listIndent = null;
        if (kind == Kind.Models)
        {
            _content.ModelsLine ??= number;
        }
        else if (kind == Kind.Questions)
        {
            _content.QuestionsLine ??= number;
        }
    }

    private void OnBullet(int number, int indent, string item, int column)
    {
        _listIndent ??= indent;
        if (indent >= _listIndent + 2)
        {
            NoteIgnored();
            return;
        }

        OnItem(number, item, column);
    }

    private void OnItem(int number, string item, int column)
    {
        switch (_scopeKind)
        {
            case Kind.Models:
                _content.AddModel(StudyDocumentItems.ParseModel(item, number, column));
                break;
            case Kind.Questions:
                StudyDocumentContent.AddIfNotEmpty(_content.Questions, StudyDocumentItems.Quoted(item));
                break;
            case Kind.Evidence:
                StudyDocumentContent.AddIfNotEmpty(_content.Evidence, StudyDocumentText.CleanInline(item));
                break;
            case Kind.Criteria:
                StudyDocumentContent.AddIfNotEmpty(_content.Criteria, StudyDocumentItems.Criterion(item));
                break;
            case Kind.Practice when _scenario is not null:
                StudyDocumentItems.ApplyAnswer(_scenario, item);
                break;
            default:
                NoteIgnored();
                break;
        }
    }

    private void OnPlain(string line)
    {
        NoteIgnored();
        var trimmed = line.Trim();
        if (trimmed[0] is '>' or '|' or '<' || _headingKind == Kind.None)
        {
            EndParagraph();
            return;
        }

        if (_paragraph is null)
        {
            _paragraph = [];
            _paragraphKind = _scopeKind;
        }

        _paragraph.Add(StudyDocumentText.CleanInline(trimmed));
    }

    private void EndParagraph()
    {
        if (_paragraph is null)
        {
            return;
        }

        var text = string.Join(' ', _paragraph);
        _paragraph = null;
        if (_paragraphKind == Kind.Overview)
        {
            _content.Overview ??= text;
        }

        _content.FirstParagraph ??= text;
    }

    private void CloseScenario()
    {
        if (_scenario is not null && _scenario.Text.Length > 0)
        {
            _content.Scenarios.Add(_scenario);
        }

        _scenario = null;
    }

    private void CloseHeading()
    {
        if (_headingKind == Kind.Unknown && _headingHasIgnoredContent)
        {
            problems.Add(new ImportProblem(ImportSeverity.Warning, _headingLine, null, $"ignored section '{_headingText}'"));
        }
    }

    private void NoteIgnored()
    {
        if (_scopeKind == Kind.Unknown)
        {
            _headingHasIgnoredContent = true;
        }
    }
}
