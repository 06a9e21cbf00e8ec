namespace CoachBot.Core.Importing;

/// <summary>
/// Remembers where each field path (<c>questions[2].id</c>) was read, so that validation problems about a field
/// can be shown at its line. A path that was never read (a missing property) is shown at its nearest recorded parent.
/// </summary>
internal sealed class PathLocator
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of item <paramref name="index"/> (zero-based) of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        ancestor.Length == 0
        || (path.StartsWith(ancestor, StringComparison.Ordinal)
            && (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '['));

    /// <summary>Records the first position seen for <paramref name="path"/>.</summary>
    public void Record(string path, int line, int column) => positions.TryAdd(path, (line, column));

    /// <summary>The position of <paramref name="path"/> or of its nearest recorded parent; <c>null</c> when none is known.</summary>
    public (int Line, int Column)? Locate(string path)
    {
        var current = path;
        while (true)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return null;
            }

            current = current[..Math.Max(current.LastIndexOfAny(['.', '[']), 0)];
        }
    }
}
