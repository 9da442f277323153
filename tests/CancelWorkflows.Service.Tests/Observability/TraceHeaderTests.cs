using System.Diagnostics;
using CancelWorkflows.Service.Observability;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Tests.Observability;

public sealed class TraceHeaderTests
{
    [Fact]
    public void With_ThenParse_GivesBackTheActivitysContext()
    {
        using var activity = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=1";

        var headers = TraceHeader.With(new Dictionary<string, Payload> { ["other"] = new Payload() }, activity)!;
        var parsed = TraceHeader.Parse(headers.AsReadOnly());

        Assert.True(headers.ContainsKey("other"));
        Assert.NotNull(parsed);
        Assert.Equal(activity.TraceId, parsed.Value.TraceId);
        Assert.Equal(activity.SpanId, parsed.Value.SpanId);
        Assert.Equal("vendor=1", parsed.Value.TraceState);
    }

    [Fact]
    public void With_NoActivity_LeavesHeadersAlone()
    {
        var headers = new Dictionary<string, Payload>();

        Assert.Same(headers, TraceHeader.With(headers, null));
        Assert.Null(TraceHeader.With(null, null));
    }

    [Fact]
    public void Parse_MalformedHeader_IsNoParentRatherThanAnError()
    {
        var headers = new Dictionary<string, Payload>
        {
            [TraceHeader.Key] = DataConverter.Default.PayloadConverter.ToPayload(new Dictionary<string, string> { ["traceparent"] = "garbage" }),
        };

        Assert.Null(TraceHeader.Parse(headers.AsReadOnly()));
        Assert.Null(TraceHeader.Parse(new Dictionary<string, Payload> { [TraceHeader.Key] = DataConverter.Default.PayloadConverter.ToPayload(42) }.AsReadOnly()));
        Assert.Null(TraceHeader.Parse(null));
    }
}
