using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Lighter.Client.Diagnostics;

namespace Lighter.Client.Tests.Support;

/// <summary>
/// Records the client meter's measurements of one instrument. Listeners are process-wide and tests run in parallel,
/// so tests select measurements by a tag value only they use (an account index, a market id, a port, an operation).
/// </summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricCapture(string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == LighterTelemetry.MeterName && i.Name == instrument) l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, v, tags, _) => _measurements.Enqueue(new(v, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((_, v, tags, _) => _measurements.Enqueue(new(v, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>Measurements carrying the tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Measurement> Where(string key, object value) =>
        _measurements.Where(m => Equals(m.Tag(key), value)).ToList();

    /// <summary>Sum of the values tagged <paramref name="key"/> = <paramref name="value"/>, grouped by the tag <paramref name="by"/>.</summary>
    public Dictionary<string, double> SumBy(string key, object value, string by) =>
        Where(key, value).GroupBy(m => m.Tag(by)?.ToString() ?? "").ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    public void Dispose() => _listener.Dispose();

    internal sealed record Measurement(double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}
