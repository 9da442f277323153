using System.Globalization;
using System.Net.Http.Headers;
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.DevMode;

/// <summary>
/// Dev mode's viewer: with the dashboard on (its own ports), the ready banner shows its URL, a cancellation's trace
/// reaches it over OTLP (read back from the dashboard's <c>/api/telemetry/traces</c>), and a clean stop stops it.
/// </summary>
public sealed class DevModeDashboardTests
{
    [Fact]
    public async Task DevMode_StartsTheDashboard_ACancellationsTraceReachesIt_ACleanStopStopsIt()
    {
        Assert.NotNull(AspireDashboard.FindExecutable(null));
        using var folder = new TempFolder("cw-dash-");
        var ports = FreePorts.Take(2);
        var ui = $"http://127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)}";
        var otlp = $"http://127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)}";
        await using var dev = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["DevMode__Dashboard"] = "true",
            ["DevMode__DashboardUrl"] = ui,
            ["DevMode__DashboardOtlpUrl"] = otlp,
        });
        Assert.Contains($"Dashboard        {ui}", dev.Process.Output, StringComparison.Ordinal);

        var id = CancellationApiCalls.NewPaymentRequestId();
        await dev.Simulator.PutPaidCardPaymentAsync(id);
        dev.Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", dev.ApiKey);
        using (var started = await dev.Api.PostCancellationAsync(new { paymentRequestId = id }))
        {
            started.EnsureSuccessStatusCode();
        }

        using var dashboard = new HttpClient { BaseAddress = new Uri(ui + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string traces;
        do
        {
            await Task.Delay(500);
            traces = await dashboard.GetStringAsync("api/telemetry/traces");
        }
        while (!(traces.Contains(id, StringComparison.Ordinal) && traces.Contains("RunActivity:CancelPayment", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);
        Assert.Contains(id, traces, StringComparison.Ordinal);
        Assert.Contains("RunActivity:CancelPayment", traces, StringComparison.Ordinal);

        Assert.Equal(0, await dev.StopAsync(TimeSpan.FromSeconds(60)));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => dashboard.GetStringAsync("api/telemetry/traces"));
        Assert.Empty(AspireDashboard.StopStale(dev.DataDir, TimeSpan.FromSeconds(5)));
    }
}
