using CancelWorkflows.Client;
using CancelWorkflows.Contracts;

namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>Answers as the service sends them, built from the client's own records (serialised camelCase by <see cref="FakeApi"/>).</summary>
public static class SampleCancellations
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string StatusPath(string paymentRequestId) => $"/v1/cancellations/{paymentRequestId}";

    /// <summary>A cancellation with <paramref name="steps"/> steps; decided (Cancelled, A3, one S attempt) when <paramref name="outcome"/> is set.</summary>
    public static CancellationStatus Status(string paymentRequestId, string? outcome = CancellationOutcomes.Cancelled, int steps = 3) => new()
    {
        WorkflowId = $"cancel-{paymentRequestId}",
        RunId = "run-1",
        PaymentRequestId = paymentRequestId,
        PaymentId = "2025030112000000001",
        BookingRef = "B-42",
        Merchant = "acme",
        RequestedBy = "dev",
        Reason = "booking cancelled",
        Outcome = outcome,
        Rule = outcome is null ? null : "A3",
        Detail = outcome is null ? null : "Antom answered S: the payment is cancelled",
        PaymentMethod = "ALIPAY_CN",
        PaymentStatusAtStart = "SUCCESS",
        PaymentCurrency = "USD",
        PaymentValue = "1000",
        StartedAt = T0,
        DecidedAt = outcome is null ? null : T0.AddSeconds(2),
        Attempts = outcome is null ? [] : [new CancellationAttempt(1, T0.AddSeconds(1), "S", "SUCCESS", null, "Success")],
        Steps = [.. StepNames.Take(steps).Select((name, i) => new CancellationStep(T0.AddMilliseconds(100 * i), name, $"detail of {name}"))],
        TemporalWebUrl = $"http://127.0.0.1:8233/namespaces/default/workflows/cancel-{paymentRequestId}",
    };

    public static CancellationSummary Summary(string paymentRequestId, string? outcome = CancellationOutcomes.Cancelled, bool lateSuccess = false) => new()
    {
        WorkflowId = $"cancel-{paymentRequestId}",
        RunId = "run-1",
        PaymentRequestId = paymentRequestId,
        Outcome = outcome,
        LateSuccess = lateSuccess,
        RefundState = lateSuccess ? "Confirmed" : null,
        Merchant = "acme",
        BookingRef = "B-42",
        StartTime = T0,
        Status = "Running",
    };

    public static StartCancellationResult Started(string paymentRequestId, CancellationStatus? decided = null) => new()
    {
        WorkflowId = $"cancel-{paymentRequestId}",
        RunId = "run-1",
        StatusUrl = StatusPath(paymentRequestId),
        TemporalWebUrl = $"http://127.0.0.1:8233/namespaces/default/workflows/cancel-{paymentRequestId}",
        Created = true,
        Outcome = decided?.Outcome,
        Cancellation = decided,
    };

    private static readonly string[] StepNames =
        ["started", "eligibility checked", "cancel attempt 1", "cancel answered", "outcome Cancelled", "watching"];
}
