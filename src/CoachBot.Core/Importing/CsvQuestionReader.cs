using CoachBot.Core.QuestionSets;
using F = CoachBot.Core.Importing.QuestionSetFields;

namespace CoachBot.Core.Importing;

/// <summary>
/// Reads questions from a CSV file, one per row, under a header row naming the columns
/// <c>id,text,type,targetModels,hints,weakAnswer,strongAnswer,enabled</c> in any order (case ignored). <c>id</c> and
/// <c>text</c> are required; list cells separate items with <c>;</c> or <c>|</c>; <c>type</c> takes the JSON names
/// (empty = concept); <c>enabled</c> takes true/false/yes/no/1/0 (empty = true). Cells are trimmed. Each value's
/// path (<c>questions[2].type</c>) is recorded at its row's line and cell number.
/// </summary>
internal sealed class CsvQuestionReader(PathLocator locator, DocumentReader reader)
{
    private static readonly char[] ListSeparators = [';', '|'];
    private static readonly string[] RequiredColumns = [F.Id, F.Text];

    /// <summary>The questions, or <c>null</c> when the file cannot be read as rows of questions (problems say why).</summary>
    public List<Question>? Read(string text)
    {
        var problems = reader.Problems;
        var records = CsvReader.Read(text, problems);
        if (records is null)
        {
            return null;
        }

        locator.Record(string.Empty, 1, 1);
        if (records.Count == 0)
        {
            problems.Add(new ImportProblem(ImportSeverity.Error, 1, null, $"the file is empty: expected a header row ({string.Join(',', F.QuestionProperties)})"));
            return null;
        }

        var columns = ReadHeader(records[0], problems);
        if (columns is null)
        {
            return null;
        }

        return records.Skip(1).Select((row, i) => ReadRow(row, PathLocator.Item(F.Questions, i), columns, records[0].Cells.Count)).ToList();
    }

    /// <summary>Column name → cell index, or <c>null</c> when a required column is missing or a name repeats.</summary>
    private static Dictionary<string, int>? ReadHeader(CsvRecord header, List<ImportProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Text.Trim();
            var known = F.QuestionProperties.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new ImportProblem(ImportSeverity.Warning, header.Line, i + 1, $"unknown column '{name}' (ignored)"));
            }
            else if (!columns.TryAdd(known, i))
            {
                problems.Add(new ImportProblem(ImportSeverity.Error, header.Line, i + 1, $"column '{known}' appears twice (also column {columns[known] + 1})"));
                ok = false;
            }
        }

        foreach (var required in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(ImportSeverity.Error, header.Line, null, $"missing required column '{required}'"));
            ok = false;
        }

        return ok ? columns : null;
    }

    private Question ReadRow(CsvRecord row, string path, Dictionary<string, int> columns, int width)
    {
        locator.Record(path, row.Line, 1);
        if (row.Cells.Count != width)
        {
            reader.Fail(row.Line, null, path, $"this row has {row.Cells.Count} cells; the header has {width}");
            return new Question(string.Empty, string.Empty, QuestionType.Concept, null, null, []);
        }

        string Cell(string name)
        {
            if (!columns.TryGetValue(name, out var index))
            {
                return string.Empty;
            }

            locator.Record(PathLocator.Child(path, name), row.Cells[index].Line, index + 1);
            return row.Cells[index].Text.Trim();
        }

        void Fail(string name, string message) =>
            reader.Fail(row.Cells[columns[name]].Line, columns[name] + 1, PathLocator.Child(path, name), message);

        var typeName = Cell(F.Type).ToLowerInvariant();
        var type = QuestionType.Concept;
        if (typeName.Length > 0 && !QuestionTypeNames.TryParse(typeName, out type))
        {
            Fail(F.Type, $"expected one of {QuestionTypeNames.List}, got \"{Cell(F.Type)}\"");
        }

        var enabledText = Cell(F.Enabled);
        bool? enabled = enabledText.ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };
        if (enabled is null)
        {
            Fail(F.Enabled, $"expected true, false, yes, no, 1 or 0, got \"{enabledText}\"");
        }

        return new Question(
            Cell(F.Id),
            Cell(F.Text),
            type,
            NullIfEmpty(Cell(F.WeakAnswer)),
            NullIfEmpty(Cell(F.StrongAnswer)),
            List(path, F.TargetModels, Cell(F.TargetModels)),
            enabled ?? true)
        {
            Hints = List(path, F.Hints, Cell(F.Hints)),
        };
    }

    /// <summary>Splits a list cell; each item's path is recorded at the cell's position.</summary>
    private List<string> List(string path, string name, string cell)
    {
        var items = cell.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var cellPath = PathLocator.Child(path, name);
        if (locator.Locate(cellPath) is { } position)
        {
            for (var i = 0; i < items.Count; i++)
            {
                locator.Record(PathLocator.Item(cellPath, i), position.Line, position.Column);
            }
        }

        return items;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
