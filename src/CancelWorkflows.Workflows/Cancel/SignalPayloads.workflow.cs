using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Temporalio.Converters;
using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>
/// Reads a signal's payload inside the handler. Handlers take <see cref="IRawValue"/> because a payload the SDK cannot
/// convert would otherwise be dropped before the handler with only a log line, and a null one would throw in the
/// handler and fail the workflow task on every retry: either way the workflow could not say what it ignored. Here a
/// null, unreadable or incomplete payload becomes a step ("signal ignored") and a count in the status, and nothing else.
/// </summary>
public static class SignalPayloads
{
    public static bool TryRead<T>(CancelStatus status, string signal, IRawValue? raw, Func<T, string?> problemOf, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(problemOf);
        string? problem;
        value = null;
        try
        {
            value = raw is null ? null : Workflow.PayloadConverter.ToValue<T>(raw);
            problem = value is null ? "the payload is null" : problemOf(value);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            problem = $"the payload is not a {typeof(T).Name} ({e.GetType().Name}: {e.Message})";
        }

        if (problem is null && value is not null)
        {
            return true;
        }

        value = null;
        status.IgnoredSignals++;
        status.Step("signal ignored", $"{signal}: {problem}");
        return false;
    }

    public static string? Required(string? field, string name) => string.IsNullOrWhiteSpace(field) ? $"{name} is missing" : null;

    /// <summary>A notifyPayment always has a notifyType (the ingress defaults it).</summary>
    public static string? ProblemOf(PaymentNotice notice) => Required(notice?.NotifyType, "notifyType");

    /// <summary>A notifyRefund may lack its status, but must name something: a status, a refund or the notification.</summary>
    public static string? ProblemOf(RefundNotice notice) =>
        notice is { RefundStatus: null, RefundId: null, RefundRequestId: null, NotificationId: null } ? "it names no refund status, refund or notification" : null;

    /// <summary>A notification verified for another merchant than the cancellation's is not about its payment, whatever ids
    /// it carries (paymentRequestIds are unique per merchant only): it is ignored. Either side unknown (a cancellation or an
    /// ingress from before several merchants) is not a mismatch.</summary>
    public static string? OtherMerchant(string? noticeMerchant, string? cancellationMerchant) =>
        noticeMerchant is not null && cancellationMerchant is not null && !string.Equals(noticeMerchant, cancellationMerchant, StringComparison.Ordinal)
            ? $"verified for Antom merchant {noticeMerchant}, and this cancellation is merchant {cancellationMerchant}'s"
            : null;

    public static string? ProblemOf(EscalationResolution resolution) =>
        Required(resolution?.Outcome, "outcome") ?? Required(resolution?.ResolvedBy, "resolvedBy");
}
