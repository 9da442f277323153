using System.Diagnostics;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.EndToEnd;

/// <summary>
/// cancelctl as a process against dev mode as a process: a real API, a real Temporal dev server and the Antom simulator.
/// cancelctl runs in dev mode's working directory and finds the dev API key there by itself.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class CancelCtlAgainstDevModeTests(CliDevModeFixture devMode) : IClassFixture<CliDevModeFixture>
{
    private static string NewPaymentRequestId() => "pr-cli-" + Guid.NewGuid().ToString("N")[..12];

    private Task<CliRun> CancelCtlAsync(params string[] args) =>
        CancelCtlProcess.RunAsync(devMode.WorkingDirectory, [.. args, "--url", devMode.ApiUrl]);

    [Fact]
    public async Task StartWithWait_Status_List_Watch_AllSeeTheCancelledPayment()
    {
        var id = NewPaymentRequestId();
        await devMode.PutPaidPaymentAsync(id);

        var start = await CancelCtlAsync("start", "--payment-request-id", id, "--reason", "booking cancelled", "--merchant", "cli-e2e", "--wait", "30", "--json");
        Assert.True(start.ExitCode == ExitCodes.Success, start.ToString());
        var started = JsonDocument.Parse(start.Stdout).RootElement;
        Assert.Equal("Cancelled", started.GetProperty("outcome").GetString());
        Assert.Equal($"cancel-{id}", started.GetProperty("workflowId").GetString());

        var status = await CancelCtlAsync("status", id);
        Assert.True(status.ExitCode == ExitCodes.Success, status.ToString());
        Assert.Contains("outcome:", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cancelled", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Steps", status.Stdout, StringComparison.Ordinal);

        var statusJson = await CancelCtlAsync("status", id, "--json");
        var document = JsonDocument.Parse(statusJson.Stdout).RootElement;
        Assert.Equal("Cancelled", document.GetProperty("outcome").GetString());
        Assert.Equal(id, document.GetProperty("paymentRequestId").GetString());
        Assert.NotEqual(0, document.GetProperty("attempts").GetArrayLength());

        var listed = await ListUntilAsync(id, TimeSpan.FromSeconds(20));
        Assert.Equal("Cancelled", listed.GetProperty("outcome").GetString());

        var watch = await CancelCtlAsync("watch", id, "--timeout", "30s");
        Assert.True(watch.ExitCode == ExitCodes.Success, watch.ToString());
        Assert.Contains("Outcome: Cancelled", watch.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_FollowsAFreshCancellation_ToItsOutcome()
    {
        var id = NewPaymentRequestId();
        await devMode.PutPaidPaymentAsync(id);
        await devMode.DelayNextCallAsync(id, TimeSpan.FromSeconds(3));

        var start = await CancelCtlAsync("start", "--payment-request-id", id);
        Assert.True(start.ExitCode == ExitCodes.Success, start.ToString());
        Assert.Contains($"cancelctl watch {id}", start.Stdout + "|" + start.Stderr, StringComparison.Ordinal);

        var watch = await CancelCtlAsync("watch", id, "--timeout", "60s");

        Assert.True(watch.ExitCode == ExitCodes.Success, watch.ToString());
        var lines = watch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith($"Watching cancel-{id}", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("  eligibility: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("  cancel attempt 1: S SUCCESS", StringComparison.Ordinal));
        Assert.Equal(lines.Length, lines.Distinct().Count());
        Assert.Contains("Outcome: Cancelled", watch.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OfAnUnknownPayment_ExitsOne()
    {
        var run = await CancelCtlAsync("status", NewPaymentRequestId());

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("cancelctl: no cancellation for paymentRequestId pr-cli-", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Listing reads Temporal visibility, which catches up within a moment: ask until the item is there.</summary>
    private async Task<JsonElement> ListUntilAsync(string paymentRequestId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        CliRun? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await CancelCtlAsync("list", "--merchant", "cli-e2e", "--json");
            Assert.True(last.ExitCode == ExitCodes.Success, last.ToString());
            foreach (var item in JsonDocument.Parse(last.Stdout).RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("paymentRequestId").GetString() == paymentRequestId && item.GetProperty("outcome").ValueKind == JsonValueKind.String)
                {
                    return item.Clone();
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{paymentRequestId} not listed with an outcome within {timeout}; last run: {last}");
    }
}
