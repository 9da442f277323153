using System.Net;
using System.Text.Json;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Tests.Infrastructure;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Workflows.Promotions;

namespace CancelWorkflows.Cli.Tests.Commands;

/// <summary><c>cancelctl promo show</c> over the promotion the API answers (the run's progress through the service's own
/// mapping to the contract), so a count the run keeps reaches the typed client and the text.</summary>
public sealed class PromoShowCommandTests
{
    private readonly FakeApi api = new();

    [Fact]
    public async Task PromoShow_RunInProgress_ShowsStatusUnreadableApartAndWhatThisRunTookUpAndCarried()
    {
        var progress = new PromoProgress
        {
            PromoId = "summer",
            PagesRead = 2,
            HoldsListed = 120,
            Started = 100,
            InFlight = 5,
            StartedThisRun = 40,
            CarriedHolds = 10,
            WaitingHolds = 20,
            StatusUnreadable = 3,
            Failed = 1,
            Runs = 3,
        };
        progress.ByOutcome["Cancelled"] = 90;
        api.On(HttpMethod.Get, "/v1/promotions/summer", HttpStatusCode.OK, View(progress));

        var text = await new InProcessCli(api).RunAsync("promo", "show", "summer");
        var json = await new InProcessCli(api).RunAsync("promo", "show", "summer", "--json");

        Assert.True(text.ExitCode == ExitCodes.Success, text.ToString());
        var lines = text.Stdout.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.StartsWith("status unreadable:", StringComparison.Ordinal)
            && l.EndsWith("3 (nothing cancelled; the next trigger tries them again: cancelctl promo trigger summer)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("this run:", StringComparison.Ordinal)
            && l.EndsWith("run 3: 40 taken up, 10 carried over, 20 waiting", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("by outcome:", StringComparison.Ordinal) && l.EndsWith("Cancelled 90", StringComparison.Ordinal));
        var summary = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("lastRun").GetProperty("summary");
        Assert.Equal((3, 40, 10, 20), (summary.GetProperty("statusUnreadable").GetInt32(), summary.GetProperty("startedThisRun").GetInt32(),
            summary.GetProperty("carriedHolds").GetInt32(), summary.GetProperty("waitingHolds").GetInt32()));
    }

    [Fact]
    public async Task PromoShow_FinishedRun_NoThisRunLine_StatusUnreadableZero()
    {
        var progress = new PromoProgress { PromoId = "summer", HoldsListed = 2, Started = 2, Completed = true };
        progress.ByOutcome["Cancelled"] = 2;
        api.On(HttpMethod.Get, "/v1/promotions/summer", HttpStatusCode.OK, View(progress));

        var text = await new InProcessCli(api).RunAsync("promo", "show", "summer");

        var lines = text.Stdout.Split(Environment.NewLine);
        Assert.DoesNotContain(lines, l => l.StartsWith("this run:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("status unreadable:", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
    }

    private static Promotion View(PromoProgress summary) => new()
    {
        PromoId = "summer",
        ScheduleId = "promo-expiry-summer",
        Kind = "oneOff",
        Paused = false,
        NextActionTimes = [],
        RecentActions = [],
        RunningActions = [],
        NumActions = 1,
        SkippedOverlap = 0,
        MissedCatchupWindow = 0,
        MissedRun = false,
        LastRun = new()
        {
            WorkflowId = "promo-expiry-summer-2025-03-01T12:00:00Z",
            Status = summary.Completed ? "Completed" : "Running",
            Summary = summary.ToContract(),
        },
    };
}
