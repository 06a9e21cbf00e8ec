using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachBot.Tests.Deploy;

/// <summary>
/// deploy/azure: the parameters file against main.bicep's parameters, secrets without defaults, Key Vault references
/// for the web app's secrets, and (on Linux x64) the real Bicep compiler building and linting the templates.
/// </summary>
public sealed partial class BicepTests
{
    private static readonly string[] Templates =
        ["main.bicep", .. Directory.GetFiles(RepoFiles.PathOf("deploy/azure/modules"), "*.bicep").Select(f => $"modules/{Path.GetFileName(f)}").Order()];

    private sealed record Parameter(string Name, string Type, bool Secure, string? Default);

    /// <summary>A template's <c>param</c> declarations with the decorators on the lines above them.</summary>
    private static List<Parameter> Parameters(string template)
    {
        var lines = RepoFiles.Read($"deploy/azure/{template}").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var parameters = new List<Parameter>();
        for (var i = 0; i < lines.Count; i++)
        {
            var match = ParamLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var decorators = lines.Take(i).Reverse().TakeWhile(l => l.StartsWith('@'));
            parameters.Add(new Parameter(
                match.Groups[1].Value,
                match.Groups[2].Value,
                decorators.Any(d => d.StartsWith("@secure()", StringComparison.Ordinal)),
                match.Groups[3].Success ? match.Groups[3].Value : null));
        }

        return parameters;
    }

    private static JsonObject ParametersFile() =>
        JsonNode.Parse(RepoFiles.Read("deploy/azure/main.parameters.json"))!["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_NamesOnlyParametersOfMainBicep()
    {
        var declared = Parameters("main.bicep").Select(p => p.Name).ToHashSet();

        Assert.All(ParametersFile().Select(p => p.Key), name => Assert.Contains(name, declared));
    }

    [Fact]
    public void ParametersFile_AndTheSecretsPassedAtDeployment_CoverEveryParameterWithoutDefault()
    {
        var file = ParametersFile().Select(p => p.Key).ToHashSet();
        var required = Parameters("main.bicep").Where(p => p.Default is null).ToList();

        Assert.All(required, p => Assert.True(p.Secure || file.Contains(p.Name), $"{p.Name} has no default and is not in main.parameters.json"));
        Assert.Equal(["adminApiKey", "postgresAdminPassword"], required.Where(p => p.Secure).Select(p => p.Name).Order());
    }

    [Fact]
    public void Secrets_HaveNoDefault_AndStayOutOfTheParametersFile()
    {
        var file = ParametersFile().Select(p => p.Key).ToHashSet();

        foreach (var template in Templates)
        {
            foreach (var secret in Parameters(template).Where(p => p.Secure))
            {
                Assert.True(secret.Default is null, $"{template}: secret {secret.Name} has a default");
                Assert.Equal("string", secret.Type);
                Assert.False(template == "main.bicep" && file.Contains(secret.Name), $"secret {secret.Name} is in main.parameters.json");
            }
        }

        Assert.DoesNotContain(ParametersFile(), p => SecretName().IsMatch(p.Key));
    }

    [Fact]
    public void ParameterParsing_FindsEveryParameterOfMainBicep()
    {
        // Guards the line parser above: every "param " line is understood.
        var paramLines = RepoFiles.Read("deploy/azure/main.bicep").Split('\n').Count(l => l.StartsWith("param ", StringComparison.Ordinal));

        Assert.Equal(paramLines, Parameters("main.bicep").Count);
        Assert.True(paramLines > 10);
    }

    [Fact]
    public void WebApp_GetsItsSecretsAsKeyVaultReferences_AndSignsInAsTheManagedIdentity()
    {
        var main = RepoFiles.Read("deploy/azure/main.bicep");

        Assert.Matches(@"ConnectionStrings__CoachBot: '@Microsoft\.KeyVault\(SecretUri=\$\{keyVault\.outputs\.", main);
        Assert.Matches(@"Admin__ApiKeys__0: '@Microsoft\.KeyVault\(SecretUri=\$\{keyVault\.outputs\.", main);
        Assert.Contains("MicrosoftAppType: 'UserAssignedMSI'", main, StringComparison.Ordinal);
        Assert.Contains("Storage__Provider: 'postgres'", main, StringComparison.Ordinal);
        Assert.Contains("Scheduling__Clustered: 'true'", main, StringComparison.Ordinal);
        // The limiter is per instance: 1 instance 30/s (the default), 2 → 25, 3 → 16, 10 → 5; never above 50 in total.
        Assert.Contains("ChannelSending__TenantMessagesPerSecond: string(min(30, 50 / instanceCount))", main, StringComparison.Ordinal);
        Assert.Contains("@maxValue(10)\nparam instanceCount int", main.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Grading__Provider: 'azure-openai'", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Grading__AzureOpenAI__ApiKey", main, StringComparison.Ordinal); // empty key: managed identity
        Assert.Contains("msaAppType: 'UserAssignedMSI'", RepoFiles.Read("deploy/azure/modules/bot.bicep"), StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", RepoFiles.Read("deploy/azure/modules/web.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void SlackChannelScopes_AreTheSlackManifestsScopes()
    {
        var bicep = RepoFiles.Read("deploy/azure/modules/slack-channel.bicep");
        var list = ScopeList().Match(bicep).Groups[1].Value;
        var scopes = QuotedString().Matches(list).Select(m => m.Groups[1].Value);

        Assert.Equal(SlackManifestTests.BotScopes().Order(), scopes.Order());
    }

    [LinuxX64Fact]
    public async Task Templates_BuildAndLintWithoutAWarning()
    {
        var build = await RunBicepAsync("build", "--stdout", RepoFiles.PathOf("deploy/azure/main.bicep"));
        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.DoesNotMatch(Diagnostic(), build.Errors);

        // The compiled template declares exactly the parameters the parser above found.
        var compiled = JsonNode.Parse(build.Output)!["parameters"]!.AsObject();
        Assert.Equal(Parameters("main.bicep").Select(p => p.Name).Order(), compiled.Select(p => p.Key).Order());
        Assert.All(Parameters("main.bicep").Where(p => p.Secure), p => Assert.Equal("securestring", compiled[p.Name]!["type"]!.GetValue<string>()));

        foreach (var template in Templates)
        {
            var lint = await RunBicepAsync("lint", RepoFiles.PathOf($"deploy/azure/{template}"));
            Assert.True(lint.ExitCode == 0 && !Diagnostic().IsMatch(lint.Output + lint.Errors), $"{template}: {lint.Output}{lint.Errors}");
        }
    }

    private static Task<ToolResult> RunBicepAsync(params string[] args)
    {
        Assert.True(File.Exists(RepoFiles.BicepPath), $"{RepoFiles.BicepPath} is missing: restore the test project");
        return ToolProcess.RunAsync(RepoFiles.BicepPath, args, RepoFiles.PathOf("deploy/azure"));
    }

    [GeneratedRegex(@"^param (\w+) (\w+)(?: = (.+))?$")]
    private static partial Regex ParamLine();

    [GeneratedRegex("(?i)password|secret|apikey|token")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"var scopes = \[([^\]]*)\]")]
    private static partial Regex ScopeList();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedString();

    /// <summary>A compiler or linter finding (infos, such as the API-version reminder, do not count).</summary>
    [GeneratedRegex(@"\) : (Warning|Error) ")]
    private static partial Regex Diagnostic();
}
