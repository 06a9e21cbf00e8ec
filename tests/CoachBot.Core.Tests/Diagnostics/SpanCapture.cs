using System.Collections.Concurrent;
using System.Diagnostics;
using CoachBot.Core.Diagnostics;

namespace CoachBot.Core.Tests.Diagnostics;

/// <summary>
/// Collects the finished spans of the <c>CoachBot</c> activity source that belong to one trace: the test's own root
/// activity, started by the constructor and current until disposal. Spans of tests running in parallel have other traces.
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly Activity _root;

    public SpanCapture()
    {
        _root = new Activity("test-root");
        _root.SetIdFormat(ActivityIdFormat.W3C);
        _root.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        _root.Start();
        var trace = _root.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CoachBotTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The test's root span (the parent of the spans it starts).</summary>
    public Activity Root => _root;

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}
