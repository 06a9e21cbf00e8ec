using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace CoachBot.Hosting;

/// <summary>Metrics and traces (configuration section <c>Observability</c>). See the README's Observability section.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Observability";

    /// <summary>
    /// Whether <c>GET /metrics</c> serves the Prometheus text format. Default <c>true</c>. The endpoint has no
    /// authentication (scrapers rarely carry any): it holds counts and durations tagged with channel, grader, provider,
    /// kind and outcome names only, never user or conversation ids, text or keys.
    /// </summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>
    /// When set, <c>/metrics</c> answers only requests that arrived on this port (Kestrel must also listen on it, e.g.
    /// <c>--urls "http://+:3978;http://+:9464"</c>), so the public ingress can expose the bot's port alone. Default
    /// unset: <c>/metrics</c> answers on every port the host listens on.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Observability:PrometheusPort must be a TCP port (1-65535).")]
    public int? PrometheusPort { get; set; }

    /// <summary>
    /// Where to export traces, metrics and logs with OTLP, e.g. <c>http://localhost:4317</c> (gRPC) or
    /// <c>http://localhost:4318</c> (HTTP, with <see cref="OtlpProtocol"/> <c>HttpProtobuf</c>). Default unset: no export.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol: <c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The <c>service.name</c> resource attribute of every exported signal. Default <c>coachbot</c>.</summary>
    [Required(ErrorMessage = "Observability:ServiceName is required.")]
    [RegularExpression(@"^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Observability:ServiceName must be 1-64 letters, digits, '.', '_' or '-'.")]
    public string ServiceName { get; set; } = "coachbot";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Observability:OtlpEndpoint must be an absolute http or https URL, e.g. http://localhost:4317.", [nameof(OtlpEndpoint)]);
        }
    }
}
