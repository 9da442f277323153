using System.Diagnostics;

namespace CancelWorkflows.Service.Observability;

/// <summary>The application's own spans (beside ASP.NET Core's, HttpClient's and the Temporal interceptor's).</summary>
public static class CancelTracing
{
    public static ActivitySource Source { get; } = new(TelemetryNames.ActivitySource);

    /// <summary>
    /// A span in the cancellation's trace (<paramref name="cancellation"/>, e.g. read from its workflow's start header)
    /// for work the current request causes there, linked both ways: the new span to the current one, the current one to
    /// the new span. Without a cancellation context it is an ordinary child of the current span. Null when nobody listens.
    /// </summary>
    public static Activity? Join(string name, ActivityContext? cancellation, string workflowId)
    {
        var current = Activity.Current;
        var links = current is null ? null : new[] { new ActivityLink(current.Context) };
        var span = cancellation is { } parent
            ? Source.StartActivity(name, ActivityKind.Internal, parent, links: links)
            : Source.StartActivity(name, ActivityKind.Internal);
        if (span is null)
        {
            return null;
        }

        span.SetTag("temporal.workflow.id", workflowId);
        if (cancellation is not null)
        {
            current?.AddLink(new ActivityLink(span.Context));
        }

        return span;
    }
}
