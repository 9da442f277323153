using System.Diagnostics;

namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Stopwatch ticks to milliseconds, without allocating a Stopwatch per sample.</summary>
public static class Timing
{
    public static long Now() => Stopwatch.GetTimestamp();

    public static double MsSince(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    public static double Ms(long start, long end) => Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
}
