using System.Globalization;

namespace CoachBot.FanOut;

/// <summary>Prints a two-column table of figures.</summary>
internal static class Report
{
    public static void Table(string title, IEnumerable<(string Name, string Value)> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Name.Length);
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('-', title.Length));
        foreach (var (name, value) in list)
        {
            Console.WriteLine($"  {name.PadRight(width)}  {value}");
        }
    }

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(TimeSpan value) => N(value.TotalMilliseconds, "N3") + " ms";

    public static string S(TimeSpan value) => N(value.TotalSeconds, "N2") + " s";
}
