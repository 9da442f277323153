using System.Globalization;

namespace CancelWorkflows.Benchmarks;

/// <summary>Command line: <c>&lt;signing|simulator|workflow|all&gt; [options]</c>.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/CancelWorkflows.Benchmarks -- <command> [options]

        commands:
          signing     RSA256 signatures made and verified per second (AntomSignature, 2048-bit key, cancel body)
          simulator   cancel round trips per second, AntomClient -> Antom simulator over loopback, 1/8/32 callers
          workflow    CancelPaymentWorkflow vs a bare workflow on a Temporal dev server: P1 latency, P2 throughput
          notifications  P3: notification ingress (verify + signal) vs a bare endpoint, acknowledged/s and p99
          soak        10,000 signed notifications (30 % re-sent) for 1,000 closed cancellations, concurrently
          api         P5: POST /v1/cancellations -> workflow started vs a direct SDK start, p50/p99
          promo       P4: 10,000 unpaid holds of one promotion, trigger -> all cancellations decided, one worker
          scaleout    the service as processes (api, ingress, 2 workers; one SIGKILLed, a third started) on one Temporal
                      dev server and a simulator process: 300 cancellations, 50 late notifications, checked
          hostile     the Service tests' hostile-input generators (start, get, list, resolve, promotions, notifications),
                      --count cases of each against the service: answers by status, property violations, side effects
          all         all of the above except soak, promo and hostile

        options:
          --starts N               api: measured starts per variant (400)
          --holds N                promo: unpaid holds (10000)
          --max-parallel N         promo: the promotion's maxParallel (200)
          --page-size N            promo: holds per page of the holds source (1000)
          --server-gc              promo: the service with the Web SDK's server GC (default: workstation GC,
                                   DOTNET_gcServer=0, as deploy/Dockerfile runs it; --workstation-gc says so)
          --cancellations N        scaleout: cancellations through the API (300)
          --notifications N        scaleout: late payment-success notifications (50)
          --worker-setting K=V     scaleout: an environment variable of every worker process, e.g.
                                   Temporal__Worker__MaxConcurrentActivityTaskPolls=10 (repeatable)
          --count N                hostile: cases per family (10000)
          --threads N              hostile: cases in flight (8)
          --json FILE              also write the figures as JSON to FILE
          --save-histories DIR     workflow: save the history of the last P1 run of each variant to DIR
          --quick                  small counts, for checking the harness (figures meaningless)
          --rounds N               rounds per measurement (signing 5, simulator 3, workflow P2 2, order ABBA)
          --callers 1,8,32         simulator: concurrent callers
          --sequential N           workflow P1: measured cancellations per variant (40; each takes ~1 s, see README)
          --workflows N            workflow P2: workflows per variant per round (400)
          --start-concurrency N    workflow P2: start calls in flight at most (64)
          --diagnostic             workflow: also run the real workflow over an in-memory Antom (no HTTP, no RSA)
          --await-results          workflow P2: long-poll every workflow's result (default: count closed runs)
          --no-eager               workflow: start the real workflow without eager start (default: eager, as the API starts
                                   in a process that also runs the worker)
          --sa-refresh             workflow, promo, notifications, soak: dev server with forceSearchAttributesCacheRefreshOnRead=true (as tests and
                                   dev mode run it; production clusters don't)
          --watch-window MS        workflow: the watch-window timer in both workflows (1)
          --wf-slots N             worker: max concurrent workflow tasks (100)
          --activity-slots N       worker: max concurrent activities (100)
          --wf-pollers N           worker: workflow task pollers (8)
          --activity-pollers N     worker: activity task pollers (8)
        """;

    public string Command { get; private set; } = string.Empty;

    public string? JsonPath { get; private set; }

    public bool Quick { get; private set; }

    /// <summary><c>workflow</c>: a folder to save the history of the last P1 run of each variant to (JSON, as the
    /// replay tests and <c>Baseline/Recorded</c> read them).</summary>
    public string? SaveHistoriesTo { get; private set; }

    public bool Diagnostic { get; private set; }

    public bool AwaitResults { get; private set; }

    /// <summary>The real workflow starts eagerly (RequestEagerStart), as the API does when its process runs the worker.</summary>
    public bool EagerStart { get; private set; } = true;

    public bool ForceSearchAttributeRefresh { get; private set; }

    public int? Rounds { get; private set; }

    public IReadOnlyList<int>? Concurrency { get; private set; }

    public int? Sequential { get; private set; }

    public int? Workflows { get; private set; }

    public int? Starts { get; private set; }

    public int StartConcurrency { get; private set; } = 64;

    public TimeSpan WatchWindow { get; private set; } = TimeSpan.FromMilliseconds(1);

    public int WorkflowTaskSlots { get; private set; } = 100;

    public int ActivitySlots { get; private set; } = 100;

    public int WorkflowPollers { get; private set; } = 8;

    public int ActivityPollers { get; private set; } = 8;

    /// <summary>promo (P4): unpaid holds of the promotion (10,000).</summary>
    public int? Holds { get; private set; }

    /// <summary>promo (P4): the promotion's maxParallel (200).</summary>
    public int? MaxParallel { get; private set; }

    /// <summary>promo (P4): holds per page of the holds source (1000).</summary>
    public int? PageSize { get; private set; }

    /// <summary>promo (P4): run the service with workstation GC (DOTNET_gcServer=0), as the production image does
    /// (deploy/Dockerfile); false (<c>--server-gc</c>): the Web SDK's server GC.</summary>
    public bool WorkstationGc { get; private set; } = true;

    /// <summary>hostile: cases per family (10,000).</summary>
    public int? Count { get; private set; }

    /// <summary>hostile: cases in flight (8).</summary>
    public int? Threads { get; private set; }

    /// <summary>scaleout: cancellations through the API (300).</summary>
    public int? Cancellations { get; private set; }

    /// <summary>scaleout: late payment-success notifications (50).</summary>
    public int? Notifications { get; private set; }

    /// <summary>scaleout: environment variables of every worker process (<c>--worker-setting K=V</c>).</summary>
    public Dictionary<string, string> WorkerSettings { get; } = [];

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchOptions();
        if (args.Count == 0 || args[0] is not ("signing" or "simulator" or "workflow" or "notifications" or "soak" or "api" or "promo" or "scaleout" or "hostile" or "all"))
        {
            throw new ArgumentException(args.Count == 0 ? "no command given" : $"unknown command '{args[0]}'");
        }

        o.Command = args[0];
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
            switch (args[i])
            {
                case "--json": o.JsonPath = Value(); break;
                case "--save-histories": o.SaveHistoriesTo = Value(); break;
                case "--quick": o.Quick = true; break;
                case "--diagnostic": o.Diagnostic = true; break;
                case "--await-results": o.AwaitResults = true; break;
                case "--no-eager": o.EagerStart = false; break;
                case "--sa-refresh": o.ForceSearchAttributeRefresh = true; break;
                case "--rounds": o.Rounds = Positive(); break;
                case "--sequential": o.Sequential = Positive(); break;
                case "--workflows": o.Workflows = Positive(); break;
                case "--starts": o.Starts = Positive(); break;
                case "--start-concurrency": o.StartConcurrency = Positive(); break;
                case "--watch-window": o.WatchWindow = TimeSpan.FromMilliseconds(Positive()); break;
                case "--wf-slots": o.WorkflowTaskSlots = Positive(); break;
                case "--activity-slots": o.ActivitySlots = Positive(); break;
                case "--wf-pollers": o.WorkflowPollers = Positive(); break;
                case "--activity-pollers": o.ActivityPollers = Positive(); break;
                case "--holds": o.Holds = Positive(); break;
                case "--max-parallel": o.MaxParallel = Positive(); break;
                case "--page-size": o.PageSize = Positive(); break;
                case "--workstation-gc": o.WorkstationGc = true; break;
                case "--server-gc": o.WorkstationGc = false; break;
                case "--cancellations": o.Cancellations = Positive(); break;
                case "--count": o.Count = Positive(); break;
                case "--threads": o.Threads = Positive(); break;
                case "--notifications": o.Notifications = Positive(); break;
                case "--worker-setting":
                    var setting = Value().Split('=', 2);
                    o.WorkerSettings[setting[0]] = setting.Length == 2 && setting[0].Length > 0
                        ? setting[1]
                        : throw new ArgumentException("--worker-setting needs KEY=VALUE, e.g. Temporal__Worker__MaxConcurrentActivityTaskPolls=10");
                    break;
                case "--callers":
                    o.Concurrency = [.. Value().Split(',').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw new ArgumentException("--callers needs positive whole numbers, e.g. 1,8,32"))];
                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return o;
    }
}
