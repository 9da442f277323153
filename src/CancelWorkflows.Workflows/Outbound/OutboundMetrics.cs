using Temporalio.Activities;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>Refused outbound calls, counted through the worker's metric meter (bridged to OpenTelemetry by the host).</summary>
public static class OutboundMetrics
{
    public const string RefusedCounter = "cancelworkflows.outbound.refused";
    public const string TargetTag = "target";
    public const string ReasonTag = "reason";

    public const string CallbackTarget = "callback";
    public const string SupportTarget = "support-webhook";
    public const string HoldsSourceTarget = "holds-source";

    /// <summary>Counts one refused call of <paramref name="target"/> (inside an activity).</summary>
    public static void CountRefused(string target, OutboundRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ActivityExecutionContext.Current.MetricMeter
            .CreateCounter<long>(RefusedCounter, "{call}", "Outbound calls refused by the outbound policy (address, name, host list)")
            .Add(1, [new(TargetTag, target), new(ReasonTag, refusal.Reason)]);
    }
}
