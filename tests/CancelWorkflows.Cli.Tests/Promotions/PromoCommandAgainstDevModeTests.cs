using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.EndToEnd;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Cli.Tests.Promotions;

/// <summary>
/// <c>cancelctl promo …</c> (in-process) against dev mode as a process, whose holds source is its own demo source: a
/// <c>demo-</c> promotion has 10 demo holds (9 unpaid, 1 paid) that exist in the simulator.
/// </summary>
[Collection(ServiceProcessCollection.Name)]
public sealed class PromoCommandAgainstDevModeTests(CliDevModeFixture devMode) : IClassFixture<CliDevModeFixture>
{
    [Fact]
    public async Task CreateAgainRefuseListPauseResumeTriggerShowDelete_ThroughCancelCtl()
    {
        var promoId = "demo-cli-" + Guid.NewGuid().ToString("N")[..10];

        var created = await CancelCtlAsync("promo", "create", promoId, "--ends-at", "now+1h", "--max-parallel", "4", "--note", "cli test", "--json");
        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        var view = JsonDocument.Parse(created.Stdout).RootElement;
        Assert.Equal(("oneOff", 4, 201), (view.GetProperty("kind").GetString(), view.GetProperty("maxParallel").GetInt32(), view.GetProperty("httpStatus").GetInt32()));
        var endsAt = view.GetProperty("endsAt").GetDateTimeOffset();

        var again = await CancelCtlAsync("promo", "create", promoId, "--ends-at", endsAt.ToString("O"), "--max-parallel", "4", "--note", "cli test");
        Assert.True(again.ExitCode == ExitCodes.Success, again.ToString());
        Assert.Contains("already exists with this content", again.Stdout, StringComparison.Ordinal);

        var different = await CancelCtlAsync("promo", "create", promoId, "--ends-at", "now+2h");
        Assert.True(different.ExitCode == ExitCodes.Failed, different.ToString());
        Assert.Contains("exists with different content", different.Stderr + different.Stdout, StringComparison.Ordinal);

        var paused = await CancelCtlAsync("promo", "pause", promoId, "--reason", "stock check", "--json");
        Assert.True(JsonDocument.Parse(paused.Stdout).RootElement.GetProperty("paused").GetBoolean(), paused.ToString());
        var resumed = await CancelCtlAsync("promo", "resume", promoId, "--json");
        Assert.False(JsonDocument.Parse(resumed.Stdout).RootElement.GetProperty("paused").GetBoolean(), resumed.ToString());

        var listed = await ListUntilAsync(promoId);
        Assert.Equal("oneOff", listed.GetProperty("kind").GetString());

        var triggered = await CancelCtlAsync("promo", "trigger", promoId);
        Assert.True(triggered.ExitCode == ExitCodes.Success, triggered.ToString());
        var summary = await CompletedSummaryAsync(promoId);
        Assert.Equal(10, summary.GetProperty("holdsListed").GetInt32());
        Assert.Equal(9, summary.GetProperty("byOutcome").GetProperty("Cancelled").GetInt32());
        Assert.Equal(1, summary.GetProperty("paidLeftAlone").GetInt32());
        var shown = await CancelCtlAsync("promo", "show", promoId);
        Assert.Contains("Cancelled 9", shown.Stdout, StringComparison.Ordinal);

        var deleted = await CancelCtlAsync("promo", "delete", promoId);
        Assert.True(deleted.ExitCode == ExitCodes.Success, deleted.ToString());
        var gone = await CancelCtlAsync("promo", "show", promoId);
        Assert.Equal(ExitCodes.Failed, gone.ExitCode);
    }

    [Fact]
    public async Task Create_Recurring_ThenBadUsage_ExitsTwoWithoutCalling()
    {
        var promoId = "cli-weekly-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CancelCtlAsync("promo", "create", promoId, "--cron", "0 22 * * SUN", "--time-zone", "Europe/Paris", "--json");
        Assert.True(created.ExitCode == ExitCodes.Success, created.ToString());
        Assert.Equal("0 22 * * SUN", JsonDocument.Parse(created.Stdout).RootElement.GetProperty("cron").GetString());

        Assert.Equal(ExitCodes.Usage, (await CancelCtlAsync("promo", "create", "bad/id", "--ends-at", "now+1h")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CancelCtlAsync("promo", "create", promoId + "x", "--ends-at", "now+1h", "--cron", "0 0 * * *")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CancelCtlAsync("promo", "create", promoId + "x", "--ends-at", "2030-01-01T00:00:00")).ExitCode);
        var refused = await CancelCtlAsync("promo", "create", promoId + "y", "--cron", "0 25 * * *", "--time-zone", "UTC");
        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
    }

    private Task<CliRun> CancelCtlAsync(params string[] args) =>
        new InProcessCli { WorkingDirectory = devMode.WorkingDirectory }
            .WithVariable(GlobalOptions.ApiKeyVariable, devMode.Instance.ApiKey)
            .RunAsync([.. args, "--url", devMode.ApiUrl]);

    private async Task<JsonElement> ListUntilAsync(string promoId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var list = await CancelCtlAsync("promo", "list", "--limit", "1000", "--json");
            Assert.True(list.ExitCode == ExitCodes.Success, list.ToString());
            foreach (var item in JsonDocument.Parse(list.Stdout).RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("promoId").GetString() == promoId)
                {
                    return item.Clone();
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{promoId} not listed: {list.Stdout}");
            await Task.Delay(250);
        }
    }

    private async Task<JsonElement> CompletedSummaryAsync(string promoId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var shown = await CancelCtlAsync("promo", "show", promoId, "--json");
            Assert.True(shown.ExitCode == ExitCodes.Success, shown.ToString());
            var root = JsonDocument.Parse(shown.Stdout).RootElement;
            if (root.TryGetProperty("lastRun", out var run) && run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() == "Completed")
            {
                return run.GetProperty("summary").Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{promoId} did not finish: {shown.Stdout}");
            await Task.Delay(500);
        }
    }
}
