using System.Text.RegularExpressions;
using CoachBot.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CoachBot.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml as Compose reads it (YAML anchors and merge keys resolved), with its .env.example and
/// the Caddyfile of its reverse proxy.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string[] BotInstances = ["bot1", "bot2"];

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(RepoFiles.Read("deploy/docker-compose.yml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static Dictionary<object, object> Services() => Map(Compose()["services"]);

    private static Dictionary<object, object> Service(string name) => Map(Services()[name]);

    private static Dictionary<string, string> Environment(string service) =>
        Map(Service(service)["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);

    private static List<string> List(object node) => Assert.IsType<List<object>>(node).Cast<string>().ToList();

    [Fact]
    public void Services_AreTwoBotInstancesOnPostgresBehindAProxy_WithAOneOffMigration()
    {
        Assert.Equal(["bot1", "bot2", "migrate", "postgres", "proxy"], Services().Keys.Cast<string>().Order());
        Assert.All(BotInstances.Append("migrate"), s => Assert.Equal("coachbot:local", Service(s)["image"]));
        Assert.Equal("deploy/Dockerfile", Map(Service("bot1")["build"])["dockerfile"]);
        Assert.Equal("..", Map(Service("bot1")["build"])["context"]);
    }

    [Fact]
    public void BotInstances_ShareOneDatabaseAndClusteredScheduling()
    {
        var first = Environment("bot1");

        Assert.Equal("postgres", first["Storage__Provider"]);
        Assert.StartsWith("Host=postgres;Port=5432;Database=coachbot;Username=coachbot;Password=${POSTGRES_PASSWORD", first["ConnectionStrings__CoachBot"], StringComparison.Ordinal);
        Assert.Equal("true", first["Scheduling__Clustered"]);
        Assert.False(string.IsNullOrEmpty(first["Scheduling__InstanceName"])); // one scheduler name for the whole cluster
        Assert.Equal(first, Environment("bot2"));
        Assert.Equal(first, Environment("migrate")); // the migration runs against the same database
        Assert.Equal(".env", Service("bot1")["env_file"]);
        Assert.Equal(".env", Service("bot2")["env_file"]);
    }

    [Fact]
    public void BotInstances_NeedNoVolume_AndTrustTheProxysHeaders()
    {
        // Without affinity an admin-page sign-in made on one instance must be readable on the other: the data-protection
        // key ring is in the database they share (see Admin/Web/AdminWebKeyRingTests), not in a folder or a volume.
        Assert.All(BotInstances, s => Assert.False(Service(s).ContainsKey("volumes"), $"{s} mounts a volume"));
        Assert.Equal(["caddy-config", "caddy-data", "postgres-data"], Map(Compose()["volumes"]).Keys.Cast<string>().Order());
        Assert.DoesNotContain("DataProtection-Keys", RepoFiles.Read("deploy/Dockerfile"), StringComparison.Ordinal);
        Assert.All(BotInstances, s => Assert.Equal("true", Environment(s)["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]));
        Assert.All(BotInstances, s => Assert.False(Service(s).ContainsKey("ports"))); // reachable through the proxy only
    }

    [Fact]
    public void Migration_RunsOnceBeforeTheInstances_AfterPostgresIsHealthy()
    {
        Assert.Equal(["migrate"], List(Service("migrate")["command"]));
        Assert.Equal("no", Service("migrate")["restart"]);
        Assert.Equal("service_healthy", Map(Map(Service("migrate")["depends_on"])["postgres"])["condition"]);
        Assert.All(BotInstances, s => Assert.Equal("service_completed_successfully", Map(Map(Service(s)["depends_on"])["migrate"])["condition"]));
    }

    [Fact]
    public void Postgres_Is15_WithItsDataOnANamedVolume()
    {
        var postgres = Service("postgres");

        Assert.StartsWith("postgres:15", (string)postgres["image"], StringComparison.Ordinal);
        Assert.Contains("postgres-data:/var/lib/postgresql/data", List(postgres["volumes"]));
        Assert.True(Map(Compose()["volumes"]).ContainsKey("postgres-data"));
        Assert.Equal("coachbot", Map(postgres["environment"])["POSTGRES_DB"]);
        Assert.Equal("coachbot", Map(postgres["environment"])["POSTGRES_USER"]);
    }

    [Fact]
    public void LongRunningServices_HaveHealthChecks_TheBotsThroughTheirHealthcheckCommand()
    {
        foreach (var service in new[] { "bot1", "bot2", "postgres", "proxy" })
        {
            var test = List(Map(Service(service)["healthcheck"])["test"]);
            Assert.True(test[0] is "CMD" or "CMD-SHELL", $"{service}: {test[0]}");
        }

        var botProbe = List(Map(Service("bot1")["healthcheck"])["test"]);
        Assert.Equal(["CMD", "dotnet", "CoachBot.dll"], botProbe[..3]);
        Assert.Equal(RunMode.HealthCheck, CommandLine.Parse([.. botProbe[3..]]).Mode);
        Assert.Contains("pg_isready", List(Map(Service("postgres")["healthcheck"])["test"])[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreNeverWrittenIntoTheComposeFile()
    {
        foreach (var service in Services().Values)
        {
            if (!Map(service).TryGetValue("environment", out var environment))
            {
                continue;
            }

            foreach (var (key, value) in Map(environment))
            {
                var text = (string)value;
                if (SecretName().IsMatch((string)key))
                {
                    Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*)?\}$", text); // substituted from .env
                }

                foreach (Match password in PasswordInConnectionString().Matches(text))
                {
                    Assert.StartsWith("${", password.Groups[1].Value, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void EnvExample_NamesEveryVariableTheComposeFileSubstitutes_WithNoSecretFilledIn()
    {
        var example = RepoFiles.Read("deploy/.env.example");
        var substituted = Substitution().Matches(RepoFiles.Read("deploy/docker-compose.yml")).Select(m => m.Groups[1].Value).Distinct();

        Assert.All(substituted, name => Assert.Matches($"(?m)^{name}=", example));
        Assert.Matches("(?m)^POSTGRES_PASSWORD=$", example);
        foreach (Match line in SecretAssignment().Matches(example))
        {
            Assert.True(line.Groups[2].Value.Length == 0 || line.Groups[2].Value.StartsWith('<'), $"{line.Value} has a value");
        }

        Assert.Contains(".env", RepoFiles.Read(".gitignore").Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Proxy_BalancesBothInstancesWithoutAffinity()
    {
        var proxy = Service("proxy");
        Assert.Contains("./Caddyfile:/etc/caddy/Caddyfile:ro", List(proxy["volumes"]));
        Assert.Equal(["443:443", "80:80"], List(proxy["ports"]).Order());

        var caddyfile = RepoFiles.Read("deploy/Caddyfile");
        var upstreams = ReverseProxy().Match(caddyfile).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BotInstances.Select(b => $"{b}:8080"), upstreams);
        Assert.All(BotInstances, b => Assert.Contains("8080", List(Service(b)["expose"])));
        Assert.Matches(@"(?m)^\s*lb_policy round_robin$", caddyfile);
        Assert.DoesNotMatch(@"lb_policy\s+(cookie|ip_hash|client_ip_hash|header|uri_hash)", caddyfile);
        Assert.Matches(@"(?m)^\s*health_uri /readyz$", caddyfile);
        Assert.Matches(@"(?m)^\s*respond /metrics\* 404$", caddyfile); // metrics stay on the internal network
    }

    [Fact]
    public void BotInstances_TogetherStayWithinTeamsTenantRate()
    {
        // The limiter is per process: the instances' rates add up at Teams (50 messages/s per app and tenant).
        var total = BotInstances.Sum(s => int.Parse(Environment(s)["ChannelSending__TenantMessagesPerSecond"], System.Globalization.CultureInfo.InvariantCulture));

        Assert.InRange(total, BotInstances.Count(), 50);
    }

    [GeneratedRegex("(?i)password|secret|apikey|api_key|token")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)Password=([^;]*)")]
    private static partial Regex PasswordInConnectionString();

    [GeneratedRegex(@"\$\{([A-Z_]+)")]
    private static partial Regex Substitution();

    [GeneratedRegex(@"(?m)^#?\s*([A-Za-z_]*(?:Password|ApiKey|ApiKeys__0|SECRET)[A-Za-z_]*)=(.*)$")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"reverse_proxy ([^{\n]+) \{")]
    private static partial Regex ReverseProxy();
}
