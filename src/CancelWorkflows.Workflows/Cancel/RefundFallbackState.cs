namespace CancelWorkflows.Workflows.Cancel;

/// <summary>The refund made instead of a cancel (<see cref="CancelFallbacks.Refund"/>) and how far it got. Shown in
/// <c>Status</c> and sent to support with an escalation.</summary>
public sealed class RefundFallbackState
{
    /// <summary>Why the cancel was not possible: the rule and its reason (e.g. "W5: …", "A1: Antom refused: CANCEL_WINDOW_EXCEED").</summary>
    public string? NotCancellable { get; set; }

    /// <summary>The idempotency key of the refund, derived from the workflow id (<see cref="RefundRequestIds"/>): every resend
    /// names it, so Antom never refunds twice (RF1).</summary>
    public string? RefundRequestId { get; set; }

    /// <summary>Antom's id of the refund, once an answer, notification or inquiry gave it.</summary>
    public string? RefundId { get; set; }

    /// <summary>Antom's paymentId of the payment refunded.</summary>
    public string? PaymentId { get; set; }

    public string? PaymentMethod { get; set; }

    /// <summary>The full amount of the payment, in its currency (partial refunds are not made).</summary>
    public string? Currency { get; set; }

    public string? Value { get; set; }

    /// <summary>Requested, Processing (accepted, REFUND_IN_PROCESS), Succeeded, Failed, NotRefundable, Unconfirmed, Unknown.</summary>
    public string State { get; set; } = RefundFallbackStates.Requested;

    /// <summary>The refund calls (RF1), recorded as the cancel's are.</summary>
    public List<CancelAttempt> Attempts { get; set; } = [];

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? RefundTime { get; set; }

    /// <summary>"refund answer", "notifyRefund" or "inquiryRefund": what confirmed the final state.</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>inquiryRefund calls made while waiting for the result.</summary>
    public int Inquiries { get; set; }
}

/// <summary>The values of <see cref="RefundFallbackState.State"/>.</summary>
public static class RefundFallbackStates
{
    public const string Requested = "Requested";
    public const string Processing = "Processing";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string NotRefundable = "NotRefundable";
    public const string Unconfirmed = "Unconfirmed";
    public const string Unknown = "Unknown";
}

/// <summary>The refundRequestId of a cancellation's refund: derived from its workflow id, so every resend and every run of
/// the same cancellation names the same refund (RF1), within Antom's 64 characters of visible text.</summary>
public static class RefundRequestIds
{
    public const int MaxLength = 64;

    private const string Prefix = "refund-";

    /// <summary><c>refund-&lt;workflowId&gt;</c> when it fits; else <c>refund-</c> and the first 57 hex digits of the workflow
    /// id's SHA-256 (still one id per cancellation, never shared by two).</summary>
    public static string For(string workflowId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowId);
        var plain = Prefix + workflowId;
        if (plain.Length <= MaxLength && !plain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return plain;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(workflowId)));
        return Prefix + hash[..(MaxLength - Prefix.Length)];
    }
}
