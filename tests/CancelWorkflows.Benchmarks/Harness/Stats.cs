namespace CancelWorkflows.Benchmarks.Harness;

/// <summary>Latency summary of one set of samples, in milliseconds. Percentiles interpolate linearly between ranks.</summary>
public sealed record LatencySummary(int Count, double Mean, double Min, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        var sorted = samplesMs.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new(sorted.Length, sorted.Average(), sorted[0], Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>The q-quantile (0..1) of an ascending array.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }

    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Percentile(values.Order().ToArray(), 0.5);
    }
}
