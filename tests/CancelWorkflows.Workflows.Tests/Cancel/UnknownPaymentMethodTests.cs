using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Cancel;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;
using Temporalio.Runtime;

namespace CancelWorkflows.Workflows.Tests.Cancel;

/// <summary>
/// A payment whose method the catalogue does not know, end to end on the real dev server and the simulator: the status says
/// so (<c>PaymentMethodKnown</c> false, the eligibility reason starts "unknown payment method"), Cancel:UnknownPaymentMethod
/// decides, and the activity counts it on the worker's metric meter (the one the host bridges to OpenTelemetry).
/// </summary>
[Collection(TemporalDevServerCollection.Name)]
public sealed class UnknownPaymentMethodTests(TemporalDevServerFixture devServer) : IAsyncLifetime
{
    private const string UnknownMethod = "NEW_WALLET_XYZ";

    private readonly SimulatedAntom antom = new();
    private readonly string taskQueue = TimeSkippingServer.NewTaskQueue();

    public Task InitializeAsync() => antom.InitializeAsync();

    public Task DisposeAsync() => antom.DisposeAsync();

    [Fact]
    public async Task RunAsync_W5_UnknownMethodTreatAsOther_CancelledUnderW5_StatusSaysUnknown_MetricCountsTheMethod()
    {
        var meter = new RecordingMetricMeter();
        var client = await MeteredClientAsync(meter);
        var id = await PaidPaymentAsync(UnknownMethod);

        var status = await RunAsync(client, id, CancelPolicy.Default);

        Assert.Equal(CancelOutcomes.Cancelled, status.Outcome);
        Assert.Equal("W5", status.EligibilityRule);
        Assert.False(status.PaymentMethodKnown);
        Assert.Contains(status.Steps, s => s.Name == "eligibility" && s.Detail.Contains($": unknown payment method {UnknownMethod}: not in the catalogue", StringComparison.Ordinal));
        var counted = await EventuallyAsync(() => meter.Of(AntomActivities.UnknownPaymentMethodMetric));
        var count = Assert.Single(counted);
        Assert.Equal(1d, count.Value);
        Assert.Equal(UnknownMethod, count.Tags[AntomActivities.MethodTag]);
    }

    [Fact]
    public async Task RunAsync_W5_UnknownMethodRefused_NotCancellableAndNothingSentToAntom()
    {
        var id = await PaidPaymentAsync(UnknownMethod);
        var refuse = CancelPolicy.Default with { UnknownPaymentMethod = UnknownPaymentMethodPolicy.Refuse };

        var status = await RunAsync(devServer.Client, id, refuse);

        Assert.Equal(CancelOutcomes.NotCancellable, status.Outcome);
        Assert.Equal(("W5", "check the method; add it to configuration"), (status.Rule, status.Advice));
        Assert.False(status.PaymentMethodKnown);
        Assert.StartsWith($"unknown payment method {UnknownMethod}: not in the catalogue and Cancel:UnknownPaymentMethod is Refuse", status.Detail, StringComparison.Ordinal);
        Assert.Empty(status.Attempts);
        Assert.DoesNotContain((await antom.Control.GetPaymentAsync(id))!.Calls, c => c.Api == "cancel");
    }

    [Fact]
    public async Task RunAsync_KnownMethod_StatusSaysKnownAndNothingIsCounted()
    {
        var meter = new RecordingMetricMeter();
        var client = await MeteredClientAsync(meter);
        var id = await PaidPaymentAsync("BANKTRANSFER_BANGKOKBANK");

        var status = await RunAsync(client, id, CancelPolicy.Default);

        Assert.Equal((CancelOutcomes.NotCancellable, "W2"), (status.Outcome, status.Rule));
        Assert.True(status.PaymentMethodKnown);
        Assert.Empty(meter.Of(AntomActivities.UnknownPaymentMethodMetric));
        Assert.DoesNotContain((await antom.Control.GetPaymentAsync(id))!.Calls, c => c.Api == "cancel");
    }

    private async Task<string> PaidPaymentAsync(string method)
    {
        var id = $"unknown-method-{Guid.NewGuid():N}";
        await antom.PutPaidAsync(id, method);
        return id;
    }

    /// <summary>A client on the shared dev server whose runtime records metrics in <paramref name="meter"/>; a worker on it
    /// records through that runtime.</summary>
    private async Task<TemporalClient> MeteredClientAsync(RecordingMetricMeter meter)
    {
        var runtime = new TemporalRuntime(new TemporalRuntimeOptions { Telemetry = new() { Metrics = new() { CustomMetricMeter = meter } } });
        return await TemporalClient.ConnectAsync(new(devServer.Client.Connection.Options.TargetHost!) { Runtime = runtime });
    }

    private async Task<CancelStatus> RunAsync(ITemporalClient client, string paymentRequestId, CancelPolicy policy)
    {
        using var worker = CancelWorker.Create(client, taskQueue, antom.Client, policy: policy);
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await client.StartWorkflowAsync(
                (CancelPaymentWorkflow wf) => wf.RunAsync(new CancelPaymentRequest
                {
                    PaymentRequestId = paymentRequestId,
                    Reason = "test",
                    Settings = CancelWorker.FastSettings(),
                }),
                CancelWorker.StartOptions(CancelWorkflowIds.For(paymentRequestId, null), taskQueue));
            return await handle.GetResultAsync();
        });
    }

    /// <summary>The worker hands metrics to the runtime's meter from its own threads: wait for them (a loaded machine is slow).</summary>
    private static async Task<IReadOnlyList<(double Value, IReadOnlyDictionary<string, object> Tags)>> EventuallyAsync(
        Func<IReadOnlyList<(double Value, IReadOnlyDictionary<string, object> Tags)>> read)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (read().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return read();
    }
}
