using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Observability;

/// <summary>The Temporal header that holds W3C <c>traceparent</c>/<c>tracestate</c> (as a small JSON object).</summary>
public static class TraceHeader
{
    public const string Key = "_cancelworkflows-trace";

    /// <summary>On an activity: the context of the signal (an Antom notification's, a support resolution's) that led the
    /// workflow to schedule it. The activity's span links to it; its parent stays the cancellation's trace.</summary>
    public const string LinkKey = "_cancelworkflows-trace-link";

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";

    /// <summary>The headers plus the context of <paramref name="activity"/>; unchanged when there is no W3C activity.</summary>
    public static IDictionary<string, Payload>? With(IDictionary<string, Payload>? headers, Activity? activity)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is null)
        {
            return headers;
        }

        return With(headers, Key, Carrier(activity.Id, activity.TraceStateString));
    }

    /// <summary>The headers plus <paramref name="context"/> under <paramref name="key"/>.</summary>
    public static IDictionary<string, Payload> With(IDictionary<string, Payload>? headers, string key, Payload context) =>
        new Dictionary<string, Payload>(headers ?? new Dictionary<string, Payload>()) { [key] = context };

    /// <summary>A context as the header's payload.</summary>
    public static Payload ToPayload(ActivityContext context) =>
        Carrier($"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}", null);

    /// <summary>
    /// The trace of a workflow started without one (a promotion run a Schedule fired): derived from its workflow id, so
    /// every run of a continue-as-new chain and every replay gives the same, and its activities share one trace.
    /// </summary>
    public static ActivityContext RunTrace(string workflowId) => Derived("run", workflowId, string.Empty);

    /// <summary>
    /// Each child workflow's own trace (a promotion's cancellation of one hold), derived from the parent's and the
    /// child's workflow ids: the parent's workflow computes it when it starts the child, and the parent's activity that
    /// listed the hold computes the same to link to it before the child exists.
    /// </summary>
    public static ActivityContext ChildTrace(string parentWorkflowId, string childWorkflowId) => Derived("child", parentWorkflowId, childWorkflowId);

    /// <summary>A context no span was started with (its span id is the trace's root, never exported): pure function of
    /// names, so workflow code may compute it.</summary>
    private static ActivityContext Derived(string kind, string first, string second)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{first}\n{second}"));
        return new ActivityContext(
            ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)), ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)), ActivityTraceFlags.Recorded);
    }

    /// <summary>The header's value: W3C <c>traceparent</c> (and <c>tracestate</c>) as a small JSON object.</summary>
    private static Payload Carrier(string traceParent, string? traceState)
    {
        var carrier = new Dictionary<string, string> { [TraceParent] = traceParent };
        if (!string.IsNullOrEmpty(traceState))
        {
            carrier[TraceState] = traceState;
        }

        return DataConverter.Default.PayloadConverter.ToPayload(carrier);
    }

    /// <summary>A W3C <c>traceparent</c> (and <c>tracestate</c>) as a context, if valid.</summary>
    public static ActivityContext? Parse(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, out var context) ? context : null;

    /// <summary>The parent context in <paramref name="headers"/>, if there is a valid one.</summary>
    public static ActivityContext? Parse(IReadOnlyDictionary<string, Payload>? headers) => Parse(headers, Key);

    /// <summary>The context under <paramref name="key"/> in <paramref name="headers"/>, if there is a valid one.</summary>
    public static ActivityContext? Parse(IReadOnlyDictionary<string, Payload>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var payload) ? FromPayload(payload) : null;

    /// <summary>The context one header value holds, if it is a valid one.</summary>
    public static ActivityContext? FromPayload(Payload payload)
    {
        try
        {
            var carrier = DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
            return Parse(carrier.GetValueOrDefault(TraceParent), carrier.GetValueOrDefault(TraceState));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            // A malformed header from some other client must never fail the activity: trace without a parent.
            return null;
        }
    }
}
