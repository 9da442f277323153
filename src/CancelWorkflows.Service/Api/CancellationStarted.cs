using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Api;

/// <summary>Answer of <c>POST /v1/cancellations</c> (the first four fields are fixed by design.md).</summary>
/// <param name="WorkflowId"><c>cancel-&lt;paymentRequestId&gt;</c> or <c>cancel-pid-&lt;paymentId&gt;</c>.</param>
/// <param name="RunId">The run: the same for every start of the same payment.</param>
/// <param name="StatusUrl">Where <c>GET</c> returns the cancellation's <c>Status</c>.</param>
/// <param name="TemporalWebUrl">The workflow in Temporal Web, where one is configured.</param>
/// <param name="Created">True when this request (or an earlier one with the same Idempotency-Key and body) started the
/// workflow; false when a cancellation of this payment already existed.</param>
/// <param name="Outcome">The outcome, when it is known (answer 200); null while undecided (answer 202).</param>
/// <param name="Cancellation">The whole status when the outcome is known (answer 200).</param>
public sealed record CancellationStarted(
    string WorkflowId,
    string RunId,
    string StatusUrl,
    string? TemporalWebUrl,
    bool Created = true,
    string? Outcome = null,
    CancelStatus? Cancellation = null);
