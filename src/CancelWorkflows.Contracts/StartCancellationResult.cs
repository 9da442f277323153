using System.Text.Json.Serialization;

namespace CancelWorkflows.Contracts;

/// <summary>Answer of <c>POST /v1/cancellations</c>.</summary>
public sealed record StartCancellationResult
{
    /// <summary><c>cancel-&lt;paymentRequestId&gt;</c> or <c>cancel-pid-&lt;paymentId&gt;</c>.</summary>
    public required string WorkflowId { get; init; }

    public required string RunId { get; init; }

    /// <summary>Relative URL of <c>GET /v1/cancellations/{id}</c> for this cancellation.</summary>
    public required string StatusUrl { get; init; }

    /// <summary>The workflow in Temporal Web, where the service knows its address.</summary>
    public string? TemporalWebUrl { get; init; }

    /// <summary>True when this request (or an earlier one with the same <c>Idempotency-Key</c>) started the workflow;
    /// false when a cancellation of this payment already existed and was returned instead.</summary>
    public bool Created { get; init; }

    /// <summary>The outcome when it is known (one of <see cref="CancellationOutcomes"/>), else null.</summary>
    public string? Outcome { get; init; }

    /// <summary>The whole status when the outcome is known (answer 200), else null.</summary>
    public CancellationStatus? Cancellation { get; init; }

    /// <summary>The HTTP status of the answer: 202 while undecided, 200 with the outcome. Set by the typed client, never on
    /// the wire.</summary>
    [JsonIgnore]
    public int HttpStatus { get; init; }
}
