using CoachBot.Core.Diagnostics;
using CoachBot.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoachBot.Hosting;

/// <summary>Operations: health and readiness, metrics, traces, the shutdown timeout.</summary>
public static partial class CoachBotApp
{
    private static readonly string[] OperationalPaths = ["/healthz", "/readyz", "/metrics"];

    /// <summary>
    /// Registers the readiness checks, OpenTelemetry (the <c>CoachBot</c> meter and activity source, ASP.NET Core,
    /// HttpClient and runtime instrumentation; the Prometheus exporter unless <c>Observability:PrometheusEnabled</c> is
    /// false; OTLP for every signal when <c>Observability:OtlpEndpoint</c> is set) and <c>Hosting:ShutdownTimeout</c>.
    /// </summary>
    private static IServiceCollection AddCoachBotObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        services.AddHealthChecks().AddCoachBotReadinessChecks();

        // Read now: which exporters exist is decided at registration (validation at start reports bad values).
        var options = configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceVersion: typeof(CoachBotApp).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CoachBotTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(CoachBotTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation());
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
        }

        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: liveness, no dependencies (the process answers). <c>/readyz</c>: the checks tagged
    /// <see cref="ReadinessHealthChecks.Tag"/>, 200 or 503 with a JSON body naming each. <c>/metrics</c>: Prometheus.
    /// None needs authentication: none shows more than check names and counts (see <see cref="ObservabilityOptions"/>).
    /// </summary>
    private static void MapOperationalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessHealthChecks.Tag),
            ResponseWriter = ReadinessReport.WriteAsync,
        });

        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.PrometheusEnabled)
        {
            var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
            if (options.PrometheusPort is { } port)
            {
                metrics.RequireHost($"*:{port}");
            }
        }
    }

    private static bool IsOperational(PathString path) =>
        OperationalPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
