using System.Diagnostics;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Observability;

/// <summary>The Temporal header that holds W3C <c>traceparent</c>/<c>tracestate</c> (as a small JSON object).</summary>
public static class TraceHeader
{
    public const string Key = "_cancelworkflows-trace";

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";

    /// <summary>The headers plus the context of <paramref name="activity"/>; unchanged when there is no W3C activity.</summary>
    public static IDictionary<string, Payload>? With(IDictionary<string, Payload>? headers, Activity? activity)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is null)
        {
            return headers;
        }

        var carrier = new Dictionary<string, string> { [TraceParent] = activity.Id };
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            carrier[TraceState] = activity.TraceStateString;
        }

        var result = headers is null ? new Dictionary<string, Payload>() : new Dictionary<string, Payload>(headers);
        result[Key] = DataConverter.Default.PayloadConverter.ToPayload(carrier);
        return result;
    }

    /// <summary>The parent context in <paramref name="headers"/>, if there is a valid one.</summary>
    public static ActivityContext? Parse(IReadOnlyDictionary<string, Payload>? headers)
    {
        if (headers is null || !headers.TryGetValue(Key, out var payload))
        {
            return null;
        }

        try
        {
            var carrier = DataConverter.Default.PayloadConverter.ToValue<Dictionary<string, string>>(payload);
            return carrier.TryGetValue(TraceParent, out var parent)
                && ActivityContext.TryParse(parent, carrier.GetValueOrDefault(TraceState), out var context)
                ? context
                : null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            // A malformed header from some other client must never fail the activity: trace without a parent.
            return null;
        }
    }
}
