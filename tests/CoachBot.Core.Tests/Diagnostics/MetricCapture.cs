using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CoachBot.Core.Tests.Diagnostics;

/// <summary>One measurement: the instrument, the value and its tags (values as strings, bools lower case).</summary>
internal sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags)
{
    public bool Has(params (string Key, string Value)[] tags) => tags.All(t => Tags.TryGetValue(t.Key, out var v) && v == t.Value);
}

/// <summary>
/// Listens to one <see cref="Meter"/> instance (a test host's or a test's own <c>CoachBotMeter</c>), so measurements
/// of other tests running in parallel never count.
/// </summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public MetricCapture(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    public IReadOnlyList<Measured> All => [.. _measured];

    /// <summary>The measurements of <paramref name="instrument"/> with all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measured> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. _measured.Where(m => m.Instrument == instrument && m.Has(tags))];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements with all of <paramref name="tags"/> (a counter's total).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    /// <summary>Asks observable instruments (gauges) for their values now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
        {
            map[key] = tag is bool b ? (b ? "true" : "false") : Convert.ToString(tag, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        _measured.Enqueue(new Measured(instrument.Name, value, map));
    }
}
