using System.Diagnostics;

namespace CoachBot.FanOut;

/// <summary>Wall time, process CPU time and allocated bytes between <see cref="Start"/> and <see cref="Stop"/>.</summary>
internal sealed class Measurement
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpu = CpuTime();
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);

    private Measurement()
    {
    }

    public TimeSpan Wall { get; private set; }

    public TimeSpan Cpu { get; private set; }

    public long Allocated { get; private set; }

    public long StartedAt => _started;

    public static Measurement Start() => new();

    public Measurement Stop()
    {
        Wall = Stopwatch.GetElapsedTime(_started);
        Cpu = CpuTime() - _cpu;
        Allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        return this;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
