using CancelWorkflows.Workflows.Cancel;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Infrastructure;

/// <summary>The workflows' signals, sent by name as the ingress and the API send them (the handlers take the raw payload
/// and read it themselves, so a malformed one is recorded instead of failing a workflow task).</summary>
public static class CancelSignals
{
    public static Task SignalPaymentNotifiedAsync(this WorkflowHandle handle, PaymentNotice notice) =>
        handle.SignalAsync(TemporalNames.PaymentNotifiedSignal, [notice]);

    public static Task SignalRefundNotifiedAsync(this WorkflowHandle handle, RefundNotice notice) =>
        handle.SignalAsync(TemporalNames.RefundNotifiedSignal, [notice]);

    public static Task SignalResolveEscalationAsync(this WorkflowHandle handle, EscalationResolution resolution) =>
        handle.SignalAsync(TemporalNames.ResolveEscalationSignal, [resolution]);

    public static void SignalWithStartPaymentNotified(this WorkflowOptions options, PaymentNotice notice) =>
        options.SignalWithStart(TemporalNames.PaymentNotifiedSignal, [notice]);
}
