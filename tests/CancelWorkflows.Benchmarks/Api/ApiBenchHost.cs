extern alias service;
using CancelWorkflows.Benchmarks.Harness;
using CancelWorkflows.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using service::CancelWorkflows.Service.Api;
using Temporalio.Client;

namespace CancelWorkflows.Benchmarks.Api;

/// <summary>The <see cref="BenchService"/> with <c>/v1/cancellations</c>, plus <see cref="BaselinePath"/>.</summary>
public sealed class ApiBenchHost : IAsyncDisposable
{
    /// <summary>The same HTTP work as a start (API key, body read, JSON answer) without Temporal.</summary>
    public const string BaselinePath = "bench/baseline-start";

    private readonly BenchService service;

    private ApiBenchHost(BenchService service) => this.service = service;

    /// <summary>The API with the bench's API key (one connection, kept alive, as a booking service's client would).</summary>
    public HttpClient Api => service.Api;

    /// <summary>A client of the same dev server, for the direct SDK starts.</summary>
    public ITemporalClient Temporal => service.Temporal;

    /// <summary>The service's own Temporal client (its runtime, metrics bridge, tracing interceptor; shared with its worker).</summary>
    public ITemporalClient ServiceTemporal => service.Services.GetRequiredService<ITemporalClient>();

    public static async Task<ApiBenchHost> StartAsync(TimeSpan watchWindow)
    {
        var settings = new Dictionary<string, string?> { ["Cancel:WatchWindow"] = BenchService.Setting(watchWindow) };
        var service = await BenchService.StartAsync(settings, forceSearchAttributeRefresh: false, app =>
        {
            app.MapCancellationsApi();
            app.MapPost(BaselinePath, BaselineAsync).RequireAuthorization();
        });
        return new ApiBenchHost(service);
    }

    private static async Task<IResult> BaselineAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await StrictJsonBody.ReadAsync<StartCancellationRequest>(request, cancellationToken);
        return read.Problem ?? (IResult)TypedResults.Accepted(
            "/v1/cancellations/x", new StartCancellationResult { WorkflowId = "cancel-x", RunId = "run", StatusUrl = "/v1/cancellations/x" });
    }

    public ValueTask DisposeAsync() => service.DisposeAsync();
}
