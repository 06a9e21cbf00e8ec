using CoachBot.Hosting;

namespace CoachBot.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_Chat_IsTheTerminalMode_AndPassesTheRestToAspNetCore()
    {
        var (mode, rest) = CommandLine.Parse(["chat", "--urls", "http://127.0.0.1:5000"]);
        Assert.Equal(RunMode.Chat, mode);
        Assert.Equal(["--urls", "http://127.0.0.1:5000"], rest);
    }

    [Fact]
    public void Parse_Grade_IsTheGradeMode_AndKeepsItsOptions()
    {
        var (mode, rest) = CommandLine.Parse(["grade", "--input", "answers.jsonl", "--grader", "rubric"]);
        Assert.Equal(RunMode.Grade, mode);
        Assert.Equal(["--input", "answers.jsonl", "--grader", "rubric"], rest);
    }

    [Fact]
    public void Parse_HealthCheck_IsTheProbeMode_AndKeepsTheAddress()
    {
        var (mode, rest) = CommandLine.Parse(["healthcheck", "http://127.0.0.1:8080/healthz"]);
        Assert.Equal(RunMode.HealthCheck, mode);
        Assert.Equal(["http://127.0.0.1:8080/healthz"], rest);
    }

    [Fact]
    public void Parse_AspNetCoreArgumentsOnly_ServesWithThemUnchanged()
    {
        string[] args = ["--urls", "http://0.0.0.0:8080", "--environment", "Staging"];
        var (mode, rest) = CommandLine.Parse(args);
        Assert.Equal(RunMode.Serve, mode);
        Assert.Equal(args, rest);
    }

    [Fact]
    public async Task Build_UrlsArgument_OverridesTheDefaultPort()
    {
        using var db = ThrowawayDatabase.Create();
        await using var host = await Fakes.TestHost.StartAsync(db);
        Assert.StartsWith("http://127.0.0.1:", host.Client.BaseAddress!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(3978, host.Client.BaseAddress.Port);
    }

    [Fact]
    public async Task Build_InvalidBotAuthenticationSettings_FailAtStart()
    {
        using var db = ThrowawayDatabase.Create();
        var settings = new Dictionary<string, string?> { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "x" };
        await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => Fakes.TestHost.StartAsync(db, settings));
    }
}
