using System.Reflection;
using System.Text.RegularExpressions;
using CoachBot.Tests.Deploy;

namespace CoachBot.Tests.Docs;

/// <summary>
/// Every setting an options class binds (a public settable property, or a list, of a class with a <c>SectionName</c>) is in the
/// README's configuration table as <c>`Section:Property`</c>, and the sample settings file names no section or key
/// that does not exist: a new option cannot ship undocumented, and the sample cannot drift from the code.
/// </summary>
public sealed partial class SettingsDocumentationTests
{
    [Fact]
    public void EveryBoundSetting_IsInTheReadmesConfigurationTable()
    {
        var readme = RepoFiles.Read("README.md");
        var documented = DocumentedKey().Matches(readme).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = BoundSettings().Where(key => !documented.Contains(key) && !documented.Any(d => d.StartsWith(key + ":", StringComparison.Ordinal))).ToList();

        Assert.True(BoundSettings().Count() > 40, "the reflection found too few settings to mean anything");
        Assert.True(missing.Count == 0, $"not in the README's configuration table: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheSampleSettings_NameOnlySettingsThatExist()
    {
        var known = BoundSettings().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sections = known.Select(k => k[..k.LastIndexOf(':')]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var sample = System.Text.Json.JsonDocument.Parse(
            RepoFiles.Read("appsettings.sample.json"),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var unknown = new List<string>();
        foreach (var section in sample.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object))
        {
            Walk(section.Name, section.Value);
        }

        Assert.True(unknown.Count == 0, $"in appsettings.sample.json but bound by no options class: {string.Join(", ", unknown)}");

        void Walk(string path, System.Text.Json.JsonElement element)
        {
            foreach (var property in element.EnumerateObject())
            {
                var key = $"{path}:{property.Name}";
                if (known.Contains(key))
                {
                    continue; // a setting (its value may be an object or a list, e.g. Admin:Users)
                }

                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Object && sections.Contains(key))
                {
                    Walk(key, property.Value);
                }
                else if (sections.Contains(path) || !IsFrameworkSection(path))
                {
                    unknown.Add(key);
                }
            }
        }
    }

    /// <summary>Sections the framework binds (logging, hosting, connection strings, Bot Framework credentials), not CoachBot's options.</summary>
    private static bool IsFrameworkSection(string path) =>
        path.Split(':')[0] is "Logging" or "ConnectionStrings" or "AllowedHosts" or "Kestrel";

    /// <summary>Every <c>Section:Property</c> that a CoachBot options class binds.</summary>
    private static IEnumerable<string> BoundSettings() =>
        from assembly in CoachBotAssemblies()
        from type in assembly.GetTypes()
        let section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)
        where section is { IsLiteral: true } && type.IsClass
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.SetMethod is { IsPublic: true } || IsCollection(property.PropertyType) // the binder fills get-only lists
        select $"{section.GetRawConstantValue()}:{property.Name}";

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static IEnumerable<Assembly> CoachBotAssemblies() =>
    [
        typeof(global::CoachBot.Core.Grading.GradingOptions).Assembly,
        typeof(global::CoachBot.Infrastructure.StorageOptions).Assembly,
        typeof(global::CoachBot.Bot.ChannelSending.ChannelSendingOptions).Assembly,
        typeof(global::CoachBot.Hosting.HostingOptions).Assembly,
    ];

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z]+(?::[A-Za-z0-9]+)+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();
}
