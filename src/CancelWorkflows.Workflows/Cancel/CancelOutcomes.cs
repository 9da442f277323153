namespace CancelWorkflows.Workflows.Cancel;

/// <summary>The outcome values of a cancellation (docs/design.md, fixed): also the <c>CancelOutcome</c> search attribute.</summary>
public static class CancelOutcomes
{
    public const string Cancelled = "Cancelled";
    public const string AlreadyCancelled = "AlreadyCancelled";
    public const string NotCancellable = "NotCancellable";
    public const string Rejected = "Rejected";
    public const string Escalated = "Escalated";
    public const string Resolved = "Resolved";
    public const string InvalidRequest = "InvalidRequest";
}
