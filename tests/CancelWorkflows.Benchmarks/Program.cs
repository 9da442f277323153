using CancelWorkflows.Benchmarks;
using CancelWorkflows.Benchmarks.Api;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Benchmarks.Notifications;
using CancelWorkflows.Benchmarks.Promotions;
using CancelWorkflows.Benchmarks.ScaleOut;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var report = new Report();
var all = options.Command == "all";
if (all || options.Command == "signing")
{
    SigningBenchmark.Run(report.Add("signing", "Signing: AntomSignature.Sign / Verify, RSA 2048"), options);
}

if (all || options.Command == "simulator")
{
    await SimulatorBenchmark.RunAsync(report.Add("simulator", "Simulator: cancel round trips over loopback"), options);
}

if (all || options.Command == "workflow")
{
    await WorkflowBenchmark.RunAsync(report.Add("workflow", "Workflow: CancelPaymentWorkflow vs bare workflow on a Temporal dev server"), options);
}

if (all || options.Command == "notifications")
{
    await NotificationBenchmark.RunAsync(report.Add("notifications", "Notifications: ingress (verify + signal) vs a bare endpoint, P3"), options);
}

if (options.Command == "api")
{
    await ApiStartBenchmark.RunAsync(report.Add("api", "API: POST /v1/cancellations -> workflow started vs a direct SDK start, P5"), options);
}

if (options.Command == "soak")
{
    await SoakBenchmark.RunAsync(report.Add("soak", "Soak: signed notifications with re-sends for closed cancellations"), options);
}

if (options.Command == "promo")
{
    await PromoBenchmark.RunAsync(report.Add("promo", "Promotion: 10,000 unpaid holds, trigger -> all cancellations decided, one worker, P4"), options);
}

if (options.Command == "scaleout")
{
    await ScaleOutBenchmark.RunAsync(report.Add("scaleout", "Scale-out: api, ingress and workers as processes on one Temporal, a worker SIGKILLed mid-run"), options);
}

report.LoadAtEnd = MachineLoad.Read();
report.WriteText(Console.Out);
if (options.JsonPath is { } jsonPath)
{
    await File.WriteAllTextAsync(jsonPath, report.ToJson());
    Console.Error.WriteLine($"figures written to {Path.GetFullPath(jsonPath)}");
}

if (options.Quick)
{
    Console.Error.WriteLine("(--quick: small counts; these figures are only a check of the harness)");
}

return 0;
