using System.Globalization;

namespace CoachBot.Core.Importing;

/// <summary>
/// Typed reads from a <see cref="DocumentNode"/> tree for the binder: each read records the value's position under
/// its path and turns a wrong type, a missing required property, a duplicate or an unknown property into a problem
/// at the right line. Reads never throw; a wrong value reads as "absent" and the import fails on the error.
/// </summary>
internal sealed class DocumentReader(PathLocator locator)
{
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Paths that already have an error: validation problems about them (or inside them) would repeat it.</summary>
    public HashSet<string> FailedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The known properties of the object at <paramref name="path"/>. When the node is not an object the error is
    /// reported and the view is empty (reads return "absent" without reporting missing properties), so the item
    /// keeps its place in its list and later paths still name the right items.
    /// </summary>
    public ObjectView Object(DocumentNode node, string path, IReadOnlyList<string> known)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is not DocumentObject obj)
        {
            Error(node, path, $"expected an object, got {node.Description}");
            return new ObjectView(this, node, path, [], IsObject: false);
        }

        var properties = new Dictionary<string, DocumentProperty>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var propertyPath = PathLocator.Child(path, property.Name);
            if (!known.Contains(property.Name))
            {
                Add(ImportSeverity.Warning, property.Line, property.Column, propertyPath, $"unknown property '{property.Name}' (ignored)");
            }
            else if (!properties.TryAdd(property.Name, property))
            {
                var first = properties[property.Name];
                Add(ImportSeverity.Error, property.Line, property.Column, propertyPath, $"duplicate property '{property.Name}' (first on line {first.Line})");
            }
        }

        return new ObjectView(this, obj, path, properties, IsObject: true);
    }

    /// <summary>The items of the array at <paramref name="path"/>, or <c>null</c> when the node is not an array.</summary>
    public IReadOnlyList<DocumentNode>? Array(DocumentNode node, string path)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is DocumentArray array)
        {
            return array.Items;
        }

        Error(node, path, $"expected an array, got {node.Description}");
        return null;
    }

    /// <summary>A string, or <c>null</c> when the node is null (and <paramref name="allowNull"/>) or of another type.</summary>
    public string? String(DocumentNode node, string path, bool allowNull = false)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is DocumentScalar { Kind: ScalarKind.String } scalar)
        {
            return scalar.Text;
        }

        if (!(allowNull && node is DocumentScalar { Kind: ScalarKind.Null }))
        {
            Error(node, path, $"expected a string, got {node.Description}" + (node is DocumentScalar ? " (put it in quotes)" : string.Empty));
        }

        return null;
    }

    /// <summary>Every string of the array at <paramref name="path"/> (a wrong item is reported and reads as empty, keeping its index).</summary>
    public List<string> Strings(DocumentNode node, string path)
    {
        var items = Array(node, path) ?? [];
        return items.Select((item, i) => String(item, PathLocator.Item(path, i)) ?? string.Empty).ToList();
    }

    /// <summary>A boolean, or <c>null</c> when the node is something else.</summary>
    public bool? Boolean(DocumentNode node, string path)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is DocumentScalar { Kind: ScalarKind.Boolean } scalar)
        {
            return scalar.Text == "true";
        }

        Error(node, path, $"expected true or false, got {Show(node)}");
        return null;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or <c>null</c>.</summary>
    public int? Integer(DocumentNode node, string path, int minimum)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is DocumentScalar { Kind: ScalarKind.Number } scalar
            && int.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= minimum)
        {
            return value;
        }

        Error(node, path, $"expected a whole number of at least {minimum}, got {Show(node)}");
        return null;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>; reports the list when it is not.</summary>
    public string? OneOf(DocumentNode node, string path, IReadOnlyList<string> allowed)
    {
        locator.Record(path, node.Line, node.Column);
        if (node is DocumentScalar { Kind: ScalarKind.String } scalar && allowed.Contains(scalar.Text))
        {
            return scalar.Text;
        }

        Error(node, path, $"expected one of {string.Join(", ", allowed)}, got {Show(node)}");
        return null;
    }

    /// <summary>Reports that <paramref name="name"/> is missing from the object at <paramref name="path"/>.</summary>
    public void Missing(DocumentNode obj, string path, string name) =>
        Error(obj, PathLocator.Child(path, name), $"missing required property '{name}'");

    /// <summary>A string as the user wrote it (quoted), any other value by its description.</summary>
    private static string Show(DocumentNode node) =>
        node is DocumentScalar { Kind: ScalarKind.String } s ? $"\"{s.Text}\"" : node.Description;

    /// <summary>Reports an error about <paramref name="path"/> at a position that is not a node's (a CSV cell).</summary>
    public void Fail(int line, int? column, string path, string message) =>
        Add(ImportSeverity.Error, line, column, path, message);

    private void Error(DocumentNode node, string path, string message) =>
        Add(ImportSeverity.Error, node.Line, node.Column, path, message);

    private void Add(ImportSeverity severity, int line, int? column, string path, string message)
    {
        Problems.Add(new ImportProblem(severity, line, column, message) { Path = path.Length == 0 ? null : path });
        if (severity == ImportSeverity.Error)
        {
            FailedPaths.Add(path);
        }
    }
}
