using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.Hosting;

namespace CoachBot.Tests.Deploy;

/// <summary>deploy/Dockerfile and the build context it gets (.dockerignore), read as Docker reads them.</summary>
public sealed partial class DockerfileTests
{
    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
    private static List<(string Keyword, string Arguments)> Instructions()
    {
        var joined = RepoFiles.Read("deploy/Dockerfile").Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        return joined
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : string.Empty))
            .ToList();
    }

    private static List<(string Keyword, string Arguments)> FinalStage()
    {
        var all = Instructions();
        return all.Skip(all.FindLastIndex(i => i.Keyword == "FROM")).ToList();
    }

    private static string[] DockerIgnore() =>
        RepoFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void Build_RunsOnTheSdk_AndTheImageOnTheAspNetRuntime()
    {
        var froms = Instructions().Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], froms);
        Assert.Contains(FinalStage(), i => i is ("COPY", "--from=build /app ./"));
    }

    [Fact]
    public void Image_RunsAsTheNonRootAppUser()
    {
        var users = FinalStage().Where(i => i.Keyword == "USER").Select(i => i.Arguments).ToList();

        Assert.Equal(["$APP_UID"], users); // the aspnet images' "app" user (uid 1654)
        Assert.Equal("ENTRYPOINT", FinalStage()[^1].Keyword); // nothing runs as root after it is set
    }

    [Fact]
    public void HealthCheck_RunsTheAppsOwnProbe()
    {
        var check = Assert.Single(FinalStage(), i => i.Keyword == "HEALTHCHECK").Arguments;
        var command = JsonSerializer.Deserialize<string[]>(check[(check.IndexOf("CMD [", StringComparison.Ordinal) + 4)..])!;

        Assert.Equal(["dotnet", "CoachBot.dll"], command[..2]);
        Assert.Equal(RunMode.HealthCheck, CommandLine.Parse(command[2..]).Mode);
        Assert.Equal("[\"dotnet\", \"CoachBot.dll\"]", Assert.Single(FinalStage(), i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void Restore_SeesEveryProjectUnderSrc_AndTheBuildProps()
    {
        var instructions = Instructions();
        var restore = instructions.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = string.Join('\n', instructions.Take(restore).Where(i => i.Keyword == "COPY").Select(i => i.Arguments));

        var projects = Directory.GetFiles(RepoFiles.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoFiles.Root, p).Replace('\\', '/'));
        Assert.All(projects, p => Assert.Contains($"{p} ", copiedBeforeRestore, StringComparison.Ordinal));
        Assert.Contains("build/ build/", copiedBeforeRestore, StringComparison.Ordinal); // the Bot Framework PackageDownload recipe
        Assert.Contains("Directory.Packages.props", copiedBeforeRestore, StringComparison.Ordinal);
        Assert.Contains("global.json", copiedBeforeRestore, StringComparison.Ordinal);
    }

    [Fact]
    public void Copies_ComeFromFilesTheBuildContextKeeps()
    {
        var ignored = DockerIgnore();
        var sources = Instructions()
            .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]);

        Assert.All(sources, source =>
        {
            Assert.True(File.Exists(RepoFiles.PathOf(source)) || Directory.Exists(RepoFiles.PathOf(source)), $"{source} does not exist");
            var top = source.Split('/')[0];
            Assert.DoesNotContain(ignored, pattern => pattern.TrimEnd('/') == top || pattern == source);
        });
    }

    [Fact]
    public void BuildContext_LeavesOutSecretsDatabasesAndBuildOutput()
    {
        var ignored = DockerIgnore();

        Assert.Contains("**/.env", ignored);
        Assert.Contains("**/*.db", ignored);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.DoesNotContain(ignored, l => CommentAfterPattern().IsMatch(l)); // .dockerignore has no trailing comments
    }

    [GeneratedRegex(@"\S\s+#")]
    private static partial Regex CommentAfterPattern();
}
