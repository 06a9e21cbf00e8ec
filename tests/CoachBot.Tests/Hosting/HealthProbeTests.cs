using System.Net;
using System.Net.Sockets;
using CoachBot.Hosting;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Hosting;

/// <summary>The <c>healthcheck</c> command the container image's HEALTHCHECK runs (deploy/Dockerfile).</summary>
public sealed class HealthProbeTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ResolveUrl_Argument_IsProbedAsGiven()
    {
        var url = HealthProbe.ResolveUrl(["http://10.1.2.3:9000/healthz"], Environment(("ASPNETCORE_HTTP_PORTS", "8080")));

        Assert.Equal("http://10.1.2.3:9000/healthz", url.ToString());
    }

    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://*:5000/", "http://127.0.0.1:5000/healthz")]
    [InlineData("http://0.0.0.0:3978", "http://127.0.0.1:3978/healthz")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/healthz")]
    [InlineData("http://localhost:5001", "http://localhost:5001/healthz")]
    [InlineData("https://+:8443;http://+:8081", "http://127.0.0.1:8081/healthz")]
    public void ResolveUrl_AspNetCoreUrls_ProbeTheFirstHttpEndpointOnLoopback(string urls, string expected)
    {
        var url = HealthProbe.ResolveUrl([], Environment(("ASPNETCORE_URLS", urls), ("ASPNETCORE_HTTP_PORTS", "9999")));

        Assert.Equal(expected, url.ToString());
    }

    [Fact]
    public void ResolveUrl_HttpPortsOnly_ProbeTheFirstPort()
    {
        // The aspnet base image sets ASPNETCORE_HTTP_PORTS=8080 and nothing else.
        var url = HealthProbe.ResolveUrl([], Environment(("ASPNETCORE_HTTP_PORTS", "8080;8081")));

        Assert.Equal("http://127.0.0.1:8080/healthz", url.ToString());
    }

    [Fact]
    public void ResolveUrl_NothingConfigured_ProbesTheDefaultPort()
    {
        Assert.Equal("http://127.0.0.1:3978/healthz", HealthProbe.ResolveUrl([], Environment()).ToString());
    }

    [Theory]
    [InlineData("/healthz", 0, "healthy: ")]
    [InlineData("/no-such-endpoint", 1, "unhealthy: ")]
    public async Task RunAsync_RunningHost_ExitCodeFollowsTheAnswer(string path, int expectedExitCode, string expectedStart)
    {
        using var db = ThrowawayDatabase.Create();
        await using var host = await TestHost.StartAsync(db);
        using var output = new StringWriter();

        var exitCode = await HealthProbe.RunAsync([new Uri(host.Client.BaseAddress!, path).ToString()], output);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.StartsWith(expectedStart, output.ToString(), StringComparison.Ordinal);
        Assert.Contains(expectedExitCode == 0 ? "answered 200" : "answered 404", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ExitsOne()
    {
        using var output = new StringWriter();

        var exitCode = await HealthProbe.RunAsync([$"http://127.0.0.1:{ClosedPort()}/healthz"], output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("unhealthy: ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotAnAddress_ExitsOne()
    {
        using var output = new StringWriter();

        Assert.Equal(1, await HealthProbe.RunAsync(["healthz"], output));
        Assert.Contains("not an absolute URL", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_HealthcheckCommand_ExitsZeroForARunningHost()
    {
        using var db = ThrowawayDatabase.Create();
        await using var host = await TestHost.StartAsync(db);

        var result = await CoachBotProcess.RunAsync(db, ["healthcheck", new Uri(host.Client.BaseAddress!, "/healthz").ToString()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("healthy: ", result.StandardOutput, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
