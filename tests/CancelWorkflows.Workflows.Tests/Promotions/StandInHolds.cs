using System.Collections.Concurrent;
using Temporalio.Activities;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>What each hold's <see cref="StandInCancelWorkflow"/> does (cancelled unless the test says otherwise), and
/// which holds were asked about, how often.</summary>
public sealed class StandInHolds
{
    public const string Cancelled = "Cancelled";

    /// <summary>Stays undecided (in flight) until the test signals <see cref="StandInCancelWorkflow.ReleaseAsync"/>, then
    /// is cancelled.</summary>
    public const string Held = "Held";

    /// <summary>Reports <c>StatusUnreadable</c> to the run, then fails with <see cref="StatusUnreadableErrorType"/>.</summary>
    public const string Unreadable = "Unreadable";

    /// <summary>Fails with <see cref="StatusUnreadableErrorType"/> without reporting (the report was lost).</summary>
    public const string UnreadableUnreported = "UnreadableUnreported";

    /// <summary>The cancel workflow's typed failure when a hold's eligibility inquiry gives no usable answer.</summary>
    public const string StatusUnreadableErrorType = "PaymentStatusUnreadable";

    private readonly ConcurrentDictionary<string, string> verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> asked = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Asked => asked;

    public void Set(string paymentRequestId, string verdict) => verdicts[paymentRequestId] = verdict;

    public void Clear(string paymentRequestId) => verdicts.TryRemove(paymentRequestId, out _);

    [Activity("StandInHoldVerdict")]
    public string Verdict(string paymentRequestId)
    {
        asked.AddOrUpdate(paymentRequestId, 1, (_, n) => n + 1);
        return verdicts.GetValueOrDefault(paymentRequestId, Cancelled);
    }
}
