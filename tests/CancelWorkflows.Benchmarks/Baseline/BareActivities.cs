using Temporalio.Activities;

namespace CancelWorkflows.Benchmarks.Baseline;

/// <summary>No-op stand-ins for CheckEligibility and CancelPayment: they answer at once.</summary>
public sealed class BareActivities
{
    public const string Cancelled = "Cancelled";

    [Activity("BenchBareCheck")]
    public Task<string> CheckAsync(string paymentRequestId) => Task.FromResult("Proceed");

    [Activity("BenchBareCancel")]
    public Task<string> CancelAsync(string paymentRequestId) => Task.FromResult(Cancelled);
}
