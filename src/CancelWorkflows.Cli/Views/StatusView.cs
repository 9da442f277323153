using CancelWorkflows.Cli.Output;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Views;

/// <summary>One cancellation for people: what was decided and why, the payment, then its attempts and steps as tables.</summary>
public static class StatusView
{
    public const string Undecided = "(undecided)";

    public static void Write(TextWriter writer, CancellationStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        Details(status).WriteTo(writer);
        if (status.Attempts.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Attempts");
            AttemptsTable(status.Attempts).WriteTo(writer);
        }

        if (status.RefundFallback is { Attempts.Count: > 0 } refund)
        {
            writer.WriteLine();
            writer.WriteLine("Refund attempts");
            AttemptsTable(refund.Attempts).WriteTo(writer);
        }

        if (status.Steps.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Steps");
            StepsTable(status.Steps).WriteTo(writer);
        }

        if (status.Notifications.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Notifications");
            NotificationsTable(status.Notifications).WriteTo(writer);
        }
    }

    public static string OutcomeText(CancellationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Outcome is null)
        {
            return Undecided;
        }

        var why = new[] { Labeled("rule", status.Rule), Labeled("resultCode", status.ResultCode) }.Where(w => w is not null).ToList();
        return why.Count == 0 ? status.Outcome : $"{status.Outcome} ({string.Join(", ", why)})";
    }

    public static DetailList Details(CancellationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new DetailList()
            .Add("payment request id", status.PaymentRequestId)
            .Add("payment id", status.PaymentId)
            .Add("outcome", OutcomeText(status))
            .Add("detail", status.Detail)
            .Add("advice", status.Advice)
            .Add("payment", PaymentText(status))
            .Add("booking", status.BookingRef)
            .Add("merchant", status.Merchant)
            .Add("antom merchant", status.AntomMerchant)
            .Add("fallback", status.Fallback is { } fallback ? $"{fallback}{(status.FallbackSource is { } source ? $" ({source})" : string.Empty)}" : null)
            .Add("reason", status.Reason)
            .Add("requested by", status.RequestedBy)
            .Add("scheduled for", status.ScheduledFor is { } scheduled ? $"{TimeText.Format(scheduled)} (notBefore: nothing is sent to Antom before)" : null)
            .Add("started", TimeText.Format(status.StartedAt))
            .Add("decided", TimeText.Format(status.DecidedAt))
            .Add("escalated", EscalationText(status))
            .Add("resolution", ResolutionText(status.Resolution))
            .Add("late success", status.LateSuccess ? "yes: Antom reported a success after the cancel (C4, C5)" : null)
            .Add("refund instead", RefundFallbackText(status.RefundFallback))
            .Add("refund", RefundText(status.Reconciliation))
            .Add("needs engineer", status.NeedsEngineer ? "yes" : null)
            .Add("watching until", status.Completed ? null : TimeText.Format(status.WatchUntil))
            .Add("workflow", WorkflowText(status))
            .Add("temporal web", status.TemporalWebUrl);
    }

    public static TextTable AttemptsTable(IEnumerable<CancellationAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var table = new TextTable("#", "TIME", "RESULT", "CODE", "CLASSIFICATION", "NO ANSWER");
        foreach (var a in attempts)
        {
            table.AddRow(a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeText.Format(a.Time), a.ResultStatus, a.ResultCode, a.Classification, a.NoAnswer);
        }

        return table;
    }

    public static TextTable StepsTable(IEnumerable<CancellationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var table = new TextTable("TIME", "STEP", "DETAIL");
        foreach (var s in steps)
        {
            table.AddRow(TimeText.Format(s.Time), s.Name, s.Detail);
        }

        return table;
    }

    public static TextTable NotificationsTable(IEnumerable<CancellationNotification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var table = new TextTable("RECEIVED", "KIND", "STATUS", "TYPE", "DETAIL");
        foreach (var n in notifications)
        {
            table.AddRow(TimeText.Format(n.ReceivedAt), n.Kind, n.Status, n.NotifyType, n.Detail);
        }

        return table;
    }

    private static string? PaymentText(CancellationStatus status)
    {
        var parts = new List<string>();
        if (status.PaymentValue is not null || status.PaymentCurrency is not null)
        {
            parts.Add($"{status.PaymentValue} {status.PaymentCurrency}".Trim());
        }

        if (status.PaymentMethod is not null)
        {
            parts.Add(status.PaymentMethod);
        }

        if (status.PaymentStatusAtStart is not null)
        {
            parts.Add($"{status.PaymentStatusAtStart} at start");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? EscalationText(CancellationStatus status) => status.Escalated
        ? $"yes ({status.EscalationNotices} notice{(status.EscalationNotices == 1 ? string.Empty : "s")} to support)"
        : null;

    private static string? ResolutionText(EscalationResolutionInfo? resolution) => resolution is null
        ? null
        : $"{resolution.Outcome} by {resolution.ResolvedBy}" + (resolution.ResolvedAt is { } at ? $" at {TimeText.Format(at)}" : string.Empty)
            + (string.IsNullOrWhiteSpace(resolution.Note) ? string.Empty : $": {resolution.Note}");

    /// <summary>The refund made instead of a cancel (fallback refund): its state, amount, ids and why the cancel was not possible.</summary>
    private static string? RefundFallbackText(RefundFallbackInfo? refund) => refund is null
        ? null
        : $"{refund.State}: {refund.Value} {refund.Currency}, refundRequestId {refund.RefundRequestId}"
            + (refund.RefundId is { } id ? $", refundId {id}" : string.Empty)
            + (refund.ConfirmedBy is { } by ? $", confirmed by {by}" : string.Empty)
            + $" (not cancellable: {refund.NotCancellable})";

    private static string? RefundText(RefundReconciliation? refund)
    {
        if (refund is null)
        {
            return null;
        }

        var text = $"{refund.State} {refund.Value} {refund.Currency}".Trim();
        if (refund.RefundId is not null)
        {
            text += $", refund id {refund.RefundId}";
        }

        if (refund.ConfirmedAt is { } confirmed)
        {
            text += $", confirmed {TimeText.Format(confirmed)}" + (refund.ConfirmedBy is null ? string.Empty : $" by {refund.ConfirmedBy}");
        }

        return text;
    }

    private static string? WorkflowText(CancellationStatus status) => status.WorkflowId is null
        ? null
        : status.WorkflowId + (status.RunId is null ? string.Empty : $" (run {status.RunId})") + (status.Completed ? ", completed" : ", running");

    private static string? Labeled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label} {value}";
}
