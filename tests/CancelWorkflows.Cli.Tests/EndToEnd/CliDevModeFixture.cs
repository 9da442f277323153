using System.Net.Http.Json;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.EndToEnd;

/// <summary>One dev mode of the service as a process (Temporal dev server, simulator, worker, API) for cancelctl to talk to.</summary>
public sealed class CliDevModeFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("cw-cli-e2e-");
    private DevModeInstance? instance;

    public DevModeInstance Instance => instance ?? throw new InvalidOperationException("Dev mode not started.");

    /// <summary>The dev mode's working directory: cancelctl run there finds <c>.cancelworkflows/keys/dev-api-key</c> by itself.</summary>
    public string WorkingDirectory => folder.Path;

    public string ApiUrl => Instance.Ports.ApiUrl;

    public async Task InitializeAsync() =>
        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["Cancel__RetryDelays__0"] = "00:00:01",
        });

    /// <summary>A paid Alipay CN payment in the simulator (cancellable: Antom answers S).</summary>
    public async Task PutPaidPaymentAsync(string paymentRequestId)
    {
        using var response = await Instance.SimulatorHttp.PutAsJsonAsync($"sim/v1/payments/{paymentRequestId}", new
        {
            paymentMethodType = "ALIPAY_CN",
            paymentStatus = "SUCCESS",
            paymentAmount = new { currency = "USD", value = "1000" },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The simulator answers this payment's next call only after <paramref name="delay"/>, so a watch sees it undecided.</summary>
    public async Task DelayNextCallAsync(string paymentRequestId, TimeSpan delay)
    {
        using var response = await Instance.SimulatorHttp.PostAsJsonAsync(
            $"sim/v1/payments/{paymentRequestId}/faults",
            new { kind = "delay", delayMs = (int)delay.TotalMilliseconds });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        folder.Dispose();
    }
}
