using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.Benchmarks.Harness;

namespace CancelWorkflows.Benchmarks;

/// <summary>
/// RSA256 signatures made and verified per second with <see cref="AntomSignature"/> and a 2048-bit key over a
/// typical cancel body, on one thread and on every core. Each operation is timed on its own (an RSA operation takes
/// tens of microseconds or more, far above the Stopwatch's resolution).
/// </summary>
public static class SigningBenchmark
{
    public static void Run(Section section, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        using var privateKey = AntomKeys.Generate();
        using var publicKey = AntomKeys.LoadPublicKey(AntomKeys.ExportPublicPem(privateKey));
        var body = AntomJson.Serialize(new CancelRequest(null, $"pr-{Guid.NewGuid():N}"));
        var path = AntomPaths.Cancel;
        const string clientId = "SANDBOX_5YBZ1C2ZBV6M04718";
        var time = AntomSignature.RequestTime(DateTimeOffset.UtcNow);
        var signature = AntomSignature.Sign(privateKey, path, clientId, time, body);

        var roundTime = TimeSpan.FromMilliseconds(options.Quick ? 300 : 1000);
        var rounds = options.Rounds ?? 5;
        section.Setting("key", "RSA 2048, SHA256withRSA PKCS#1 v1.5");
        section.Setting("body", $"{body.Length} bytes ({System.Text.Encoding.UTF8.GetString(body)})");
        section.Setting("rounds", rounds);
        section.Setting("round", $"{roundTime.TotalMilliseconds} ms");
        section.Setting("warm-up", "1 round per operation");
        section.Setting("threads", $"1 and {Environment.ProcessorCount}");

        var table = new TextTable(
            "AntomSignature over a cancel body (per-op latency in ms; ops/s = median of rounds)",
            "operation", "threads", "ops/s", "ops/s at p50", "p50 ms", "p95 ms", "p99 ms", "samples", "others' cores");
        var threadCounts = Environment.ProcessorCount > 1 ? new[] { 1, Environment.ProcessorCount } : [1];
        var operations = new (string Name, Func<RSA, RSA, bool> Op)[]
        {
            ("Sign", (priv, _) => AntomSignature.Sign(priv, path, clientId, time, body).Length > 0),
            ("Verify", (_, pub) => AntomSignature.Verify(pub, path, clientId, time, body, signature)),
            ("Sign + Verify", (priv, pub) => AntomSignature.Verify(pub, path, clientId, time, body, AntomSignature.Sign(priv, path, clientId, time, body))),
        };

        foreach (var threads in threadCounts)
        {
            foreach (var (name, op) in operations)
            {
                Progress.Say($"signing: {name} on {threads} thread(s)...");
                Measure(threads, roundTime, op, privateKey, publicKey); // warm-up
                var throughputs = new List<double>();
                var latencies = new List<double>();
                var cpu = CpuMeter.Start();
                for (var r = 0; r < rounds; r++)
                {
                    var (perSecond, samples) = Measure(threads, roundTime, op, privateKey, publicKey);
                    throughputs.Add(perSecond);
                    latencies.AddRange(samples);
                }

                var usage = cpu.Stop();
                var summary = LatencySummary.Of(latencies);
                var rate = LatencySummary.Median(throughputs);
                var atP50 = threads * 1000 / summary.P50;
                table.Row(
                    name, Fmt.Int(threads), Fmt.Rate(rate), Fmt.Rate(atP50), Fmt.Ms(summary.P50), Fmt.Ms(summary.P95), Fmt.Ms(summary.P99), Fmt.Int(summary.Count),
                    usage.OthersBusyCores is { } others ? Fmt.Num(others, "0.00") : "n/a");
                section.Results[$"{name.Replace(" + ", "And", StringComparison.Ordinal)}_{threads}t"] = new
                {
                    OpsPerSecond = rate,
                    OpsPerSecondAtP50 = atP50,
                    RoundOpsPerSecond = throughputs,
                    Latency = summary,
                    Cpu = usage,
                };
            }
        }

        section.Tables.Add(table);
        section.Notes.Add("ops/s at p50 = threads x 1000 / p50: what the cores do when nothing else runs (the p50 is barely touched by " +
            "other processes, the rounds' throughput is). others' cores: cores busy with other processes meanwhile.");
        section.Notes.Add("Per cancel round trip with the simulator there are 2 signatures (merchant request, simulator answer) and 2 verifications; " +
            "a happy-path cancellation makes 2 round trips (inquiryPayment, cancel).");
    }

    /// <summary>Runs <paramref name="op"/> on <paramref name="threads"/> threads for <paramref name="duration"/>.</summary>
    private static (double PerSecond, List<double> LatenciesMs) Measure(int threads, TimeSpan duration, Func<RSA, RSA, bool> op, RSA privateKey, RSA publicKey)
    {
        var perThread = new List<double>[threads];
        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        long began = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // RSA instances are not documented as thread-safe: each thread signs with its own copy of the keys.
            using var priv = RSA.Create();
            priv.ImportParameters(privateKey.ExportParameters(true));
            using var pub = RSA.Create();
            pub.ImportParameters(publicKey.ExportParameters(false));
            var samples = new List<double>(4096);
            start.SignalAndWait();
            var deadline = Interlocked.Read(ref began) + (long)(duration.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            long n = 0;
            while (true)
            {
                var t0 = Timing.Now();
                if (t0 >= deadline)
                {
                    break;
                }

                if (!op(priv, pub))
                {
                    throw new InvalidOperationException("A signature did not verify.");
                }

                samples.Add(Timing.MsSince(t0));
                n++;
            }

            perThread[t] = samples;
            counts[t] = n;
        })
        { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        Interlocked.Exchange(ref began, Timing.Now());
        start.SignalAndWait();
        workers.ForEach(w => w.Join());
        var elapsedSeconds = Timing.MsSince(began) / 1000;
        return (counts.Sum() / elapsedSeconds, perThread.SelectMany(s => s).ToList());
    }
}
