namespace CoachBot.Core.Importing;

/// <summary>An object's known properties, read by name through the <see cref="DocumentReader"/> that made the view.</summary>
/// <param name="Reader">Reads and reports.</param>
/// <param name="Node">The object (or the wrong node that stood where an object was expected).</param>
/// <param name="Path">The object's path.</param>
/// <param name="Properties">Known properties by name (first occurrence).</param>
/// <param name="IsObject">False when the node was not an object: that error is reported, missing properties are not.</param>
internal sealed record ObjectView(
    DocumentReader Reader, DocumentNode Node, string Path, Dictionary<string, DocumentProperty> Properties, bool IsObject)
{
    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when absent (reported when <paramref name="required"/>).</summary>
    public DocumentNode? Get(string name, bool required = false)
    {
        if (Properties.TryGetValue(name, out var property))
        {
            return property.Value;
        }

        if (required && IsObject)
        {
            Reader.Missing(Node, Path, name);
        }

        return null;
    }

    /// <summary>The path of property <paramref name="name"/>.</summary>
    public string PathOf(string name) => PathLocator.Child(Path, name);

    /// <summary>A string property; <c>null</c> when absent or wrong.</summary>
    public string? String(string name, bool required = false, bool allowNull = false) =>
        Get(name, required) is { } value ? Reader.String(value, PathOf(name), allowNull) : null;

    /// <summary>A list-of-strings property; empty when absent.</summary>
    public List<string> Strings(string name) =>
        Get(name) is { } value ? Reader.Strings(value, PathOf(name)) : [];
}
