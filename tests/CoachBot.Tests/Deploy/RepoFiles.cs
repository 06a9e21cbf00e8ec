using System.Reflection;

namespace CoachBot.Tests.Deploy;

/// <summary>The repository's files as the build saw them (the test project records the repository root at build time).</summary>
public static class RepoFiles
{
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>The Bicep compiler from the NuGet package the test project downloads (a Linux x64 binary).</summary>
    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string Metadata(string key) =>
        typeof(RepoFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
