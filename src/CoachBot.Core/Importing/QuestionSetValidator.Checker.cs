using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Core.Importing;

public static partial class QuestionSetValidator
{
    /// <summary>The field-level checks, collecting problems located through the caller's map.</summary>
    private sealed class Checker(Func<string, (int Line, int Column)?>? locate)
    {
        public List<ImportProblem> Problems { get; } = [];

        public void Fail(string path, string message)
        {
            var position = locate?.Invoke(path);
            Problems.Add(new ImportProblem(ImportSeverity.Error, position?.Line ?? 0, position?.Column, message) { Path = path });
        }

        /// <summary>Checks an id against <paramref name="pattern"/>; true when it is usable (so duplicates can be checked).</summary>
        public bool Id(string path, string? id, Regex pattern, string alphabet)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Fail(path, "required");
                return false;
            }

            if (!pattern.IsMatch(id))
            {
                Fail(path, $"'{Clip(id)}' is not a valid id: use 1–{MaxIdLength} {alphabet}");
                return false;
            }

            return true;
        }

        /// <summary>Checks length and characters; <c>null</c> passes unless <paramref name="required"/>.</summary>
        public void Text(string path, string? text, int maxLength, bool required = false)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Fail(path, "required");
                }
                else if (!string.IsNullOrEmpty(text))
                {
                    Characters(path, text);
                }

                return;
            }

            var length = text.Length <= maxLength ? text.Length : text.EnumerateRunes().Count();
            if (length > maxLength)
            {
                Fail(path, string.Create(CultureInfo.InvariantCulture, $"is {length:N0} characters long; the limit is {maxLength:N0}"));
            }

            Characters(path, text);
        }

        /// <summary>Each item must be non-blank text within the limit.</summary>
        public void List(string path, IReadOnlyList<string> items, int maxLength)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Text(PathLocator.Item(path, i), items[i], maxLength, required: true);
            }
        }

        private void Characters(string path, string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r'))
                {
                    Fail(path, string.Create(CultureInfo.InvariantCulture, $"contains a control character (U+{(int)text[i]:X4}) at character {i + 1}"));
                    return;
                }
            }
        }

        private static string Clip(string text) =>
            text.Length <= 40 ? text : new StringBuilder(text, 0, 39, 40).Append('…').ToString();
    }
}
