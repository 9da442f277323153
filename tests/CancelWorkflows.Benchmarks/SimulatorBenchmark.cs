using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Benchmarks.Harness;

namespace CancelWorkflows.Benchmarks;

/// <summary>
/// Cancel round trips per second between the real <c>AntomClient</c> and the simulator over loopback HTTP, with
/// N concurrent callers. Each call cancels its own paid payment, created before the clock starts. A round trip is
/// everything a cancel activity pays: serialise, sign, HTTP, the simulator's verification and rules and its signed
/// answer, the client's verification and parsing.
/// </summary>
public static class SimulatorBenchmark
{
    public static async Task RunAsync(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        await using var antom = await BenchAntom.StartAsync();
        var rounds = options.Rounds ?? 3;
        var levels = options.Concurrency ?? [1, 8, 32];
        section.Setting("server", "AntomSimulatorServer on http://127.0.0.1 (Kestrel, in this process)");
        section.Setting("client", "AntomClient, one HttpClient (SocketsHttpHandler), timeout 10 s");
        section.Setting("rounds", rounds);
        section.Setting("calls per round", "max(100, 60 x callers) (quick: a fifth)");
        section.Setting("warm-up", "max(50, 10 x callers) calls per level");

        var table = new TextTable(
            "Cancel round trips, AntomClient -> simulator (latency per call in ms; rt/s = median of rounds)",
            "callers", "rt/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "calls", "CPU ms/rt", "others' cores");
        foreach (var callers in levels)
        {
            var perRound = Math.Max(100, 60 * callers) / (options.Quick ? 5 : 1);
            var warmUp = Math.Max(50, 10 * callers) / (options.Quick ? 5 : 1);
            Progress.Say($"simulator: {callers} caller(s): creating {warmUp + (rounds * perRound)} payments...");
            var ids = Enumerable.Range(0, warmUp + (rounds * perRound)).Select(i => $"sim-{callers}-{i}-{Guid.NewGuid():N}"[..40]).ToList();
            await antom.CreatePaidPaymentsAsync(ids);

            Progress.Say($"simulator: {callers} caller(s): warm-up {warmUp}, then {rounds} x {perRound} calls...");
            await CancelAllAsync(antom, ids.Take(warmUp).ToList(), callers);
            var throughputs = new List<double>();
            var latencies = new List<double>();
            var cpu = CpuMeter.Start();
            var failures = 0;
            for (var r = 0; r < rounds; r++)
            {
                var batch = ids.Skip(warmUp + (r * perRound)).Take(perRound).ToList();
                var started = Timing.Now();
                var (samples, failed) = await CancelAllAsync(antom, batch, callers);
                throughputs.Add(batch.Count / (Timing.MsSince(started) / 1000));
                latencies.AddRange(samples);
                failures += failed;
            }

            var usage = cpu.Stop();
            var summary = LatencySummary.Of(latencies);
            var rate = LatencySummary.Median(throughputs);
            var cpuPerCall = usage.SelfMs / latencies.Count;
            table.Row(
                Fmt.Int(callers), Fmt.Rate(rate), Fmt.Ms(summary.P50), Fmt.Ms(summary.P95), Fmt.Ms(summary.P99), Fmt.Ms(summary.Max),
                Fmt.Int(summary.Count), Fmt.Num(cpuPerCall, "0.00"), usage.OthersBusyCores is { } o ? Fmt.Num(o, "0.00") : "n/a");
            section.Results[$"callers_{callers}"] = new { RoundTripsPerSecond = rate, RoundRoundTripsPerSecond = throughputs, Latency = summary, CpuMsPerRoundTrip = cpuPerCall, Cpu = usage, Failures = failures };
            if (failures > 0)
            {
                section.Notes.Add($"{failures} call(s) with {callers} caller(s) did not answer S: figures include them; see the simulator.");
            }
        }

        section.Tables.Add(table);
        section.Notes.Add("CPU ms/rt: this process (client and simulator together) per round trip. " +
            "others' cores: cores kept busy by other processes on the machine while measuring (noise).");
    }

    /// <summary>Cancels every payment in <paramref name="ids"/> with <paramref name="callers"/> concurrent callers.</summary>
    private static async Task<(List<double> LatenciesMs, int Failures)> CancelAllAsync(BenchAntom antom, List<string> ids, int callers)
    {
        var next = -1;
        var failures = 0;
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var samples = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Count)
            {
                var t0 = Timing.Now();
                var call = await antom.Client.CancelAsync(new CancelRequest(null, ids[i]));
                samples.Add(Timing.MsSince(t0));
                if (call.Answer?.Result.ResultStatus != "S")
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return samples;
        })));
        return (perCaller.SelectMany(s => s).ToList(), failures);
    }
}
