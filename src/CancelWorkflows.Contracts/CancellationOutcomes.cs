namespace CancelWorkflows.Contracts;

/// <summary>The values of <c>outcome</c> (fixed by the service's design).</summary>
public static class CancellationOutcomes
{
    public const string Cancelled = "Cancelled";
    public const string AlreadyCancelled = "AlreadyCancelled";
    public const string NotCancellable = "NotCancellable";
    public const string Rejected = "Rejected";
    public const string Escalated = "Escalated";
    public const string Resolved = "Resolved";
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>Every outcome, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Cancelled, AlreadyCancelled, NotCancellable, Rejected, Escalated, Resolved, InvalidRequest];
}
