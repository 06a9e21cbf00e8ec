using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>One CSV cell and the 1-based line it starts on.</summary>
internal readonly record struct CsvCell(string Text, int Line);

/// <summary>One CSV record: its cells and the line it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<CsvCell> Cells);

/// <summary>
/// An RFC 4180 reader: comma-separated cells, optionally in double quotes; a quote inside a quoted cell is written
/// twice; quoted cells may hold commas and line breaks; records end with CRLF, LF or CR. Blank lines are skipped.
/// Syntax errors (an unclosed quote, a stray quote) are reported with the cell's line and column number.
/// </summary>
internal static class CsvReader
{
    /// <summary>Every record, or <c>null</c> after reporting syntax errors (each bad record once, reading goes on).</summary>
    public static List<CsvRecord>? Read(string text, List<ImportProblem> problems)
    {
        var records = new List<CsvRecord>();
        var failed = false;
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            if (TryReadRecord(text, ref position, ref line, out var record, out var error))
            {
                if (record.Cells.Count > 1 || record.Cells[0].Text.Length > 0)
                {
                    records.Add(record);
                }
            }
            else
            {
                problems.Add(error!);
                failed = true;
            }
        }

        return failed ? null : records;
    }

    private static bool TryReadRecord(string text, ref int position, ref int line, out CsvRecord record, out ImportProblem? error)
    {
        var cells = new List<CsvCell>();
        var recordLine = line;
        error = null;
        var cell = new StringBuilder();
        while (true)
        {
            var cellLine = line;
            var cellNumber = cells.Count + 1;
            cell.Clear();
            if (position < text.Length && text[position] == '"')
            {
                var opened = line;
                position++;
                if (!ReadQuoted(text, ref position, ref line, cell))
                {
                    error = Error(opened, cellNumber, "the quote that opens this cell is never closed (the file ends inside it)");
                }
                else if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    error = Error(line, cellNumber, "unexpected text after a closing quote: a quote inside a quoted cell is written twice (\"\")");
                }
            }
            else
            {
                var start = position;
                while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    if (text[position] == '"')
                    {
                        error ??= Error(line, cellNumber, "a quote inside an unquoted cell: put the whole cell in quotes and write the quote twice (\"\")");
                    }

                    position++;
                }

                cell.Append(text, start, position - start);
            }

            cells.Add(new CsvCell(cell.ToString(), cellLine));
            if (error is not null)
            {
                SkipToRecordEnd(text, ref position, ref line);
                record = new CsvRecord(recordLine, cells);
                return false;
            }

            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }

            EndOfLine(text, ref position, ref line);
            record = new CsvRecord(recordLine, cells);
            return true;
        }
    }

    /// <summary>Reads a quoted cell after its opening quote; false when the text ends first.</summary>
    private static bool ReadQuoted(string text, ref int position, ref int line, StringBuilder cell)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    cell.Append('"');
                    position += 2;
                    continue;
                }

                position++;
                return true;
            }

            if (c == '\n' || (c == '\r' && (position + 1 >= text.Length || text[position + 1] != '\n')))
            {
                line++;
            }

            cell.Append(c);
            position++;
        }

        return false;
    }

    private static void SkipToRecordEnd(string text, ref int position, ref int line)
    {
        while (position < text.Length && text[position] is not ('\r' or '\n'))
        {
            position++;
        }

        EndOfLine(text, ref position, ref line);
    }

    private static void EndOfLine(string text, ref int position, ref int line)
    {
        if (position < text.Length && text[position] == '\r')
        {
            position++;
        }

        if (position < text.Length && text[position] == '\n')
        {
            position++;
        }

        line++;
    }

    private static ImportProblem Error(int line, int cell, string message) =>
        new(ImportSeverity.Error, line, cell, message);
}
