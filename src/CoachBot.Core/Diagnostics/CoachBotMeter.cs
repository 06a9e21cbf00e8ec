using System.Diagnostics.Metrics;

namespace CoachBot.Core.Diagnostics;

/// <summary>
/// The <c>CoachBot</c> meter that every layer creates its instruments on. It comes from the host's
/// <see cref="IMeterFactory"/> when there is one, so each host (and each test host in one process) has its own meter;
/// without one (a bare service collection) it is a meter of its own, disposed with this object.
/// </summary>
public sealed class CoachBotMeter : IDisposable
{
    private readonly bool _owned;

    /// <summary>Creates the meter from <paramref name="meterFactory"/>, or a meter of its own when it is <c>null</c>.</summary>
    public CoachBotMeter(IMeterFactory? meterFactory = null)
    {
        var options = new MeterOptions(CoachBotTelemetry.MeterName) { Version = typeof(CoachBotMeter).Assembly.GetName().Version?.ToString() };
        _owned = meterFactory is null;
        Meter = meterFactory?.Create(options) ?? new Meter(options);
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>A duration histogram in seconds, with <see cref="CoachBotTelemetry.DurationBuckets"/>.</summary>
    public Histogram<double> CreateDuration(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = CoachBotTelemetry.DurationBuckets });

    /// <inheritdoc />
    public void Dispose()
    {
        if (_owned)
        {
            Meter.Dispose();
        }
    }
}
