namespace CancelWorkflows.Service.Api;

/// <summary>Answer of <c>POST /v1/cancellations</c> (fields fixed by design.md).</summary>
/// <param name="WorkflowId"><c>cancel-&lt;paymentRequestId&gt;</c> or <c>cancel-pid-&lt;paymentId&gt;</c>.</param>
/// <param name="RunId">The run: the same for every start of the same payment.</param>
/// <param name="StatusUrl">Where <c>GET</c> returns the cancellation's <c>Status</c>.</param>
/// <param name="TemporalWebUrl">The workflow in Temporal Web, where one is configured.</param>
public sealed record CancellationStarted(string WorkflowId, string RunId, string StatusUrl, string? TemporalWebUrl);
