using System.Net;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows.Promotions;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>Trigger now through the API: the run pages through the booking service's holds, cancels each unpaid one once
/// (paid ones left alone), finishes, and GET shows its summary; a second trigger cancels nothing twice.</summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class PromotionRunTests(PromotionDevMode devMode)
{
    private HttpClient Api => devMode.Dev.Api;

    [Fact]
    public async Task Trigger_FansOutOverPages_FinishesAndGetShowsTheSummary_SecondTriggerCancelsNothingTwice()
    {
        var promoId = PromotionApiCalls.NewPromoId("run");
        var unpaid = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            unpaid.Add(await PaymentAsync($"{promoId}-u{i}", "PROCESSING"));
        }

        var paid = await PaymentAsync($"{promoId}-paid", "SUCCESS");
        devMode.Holds.Serve(promoId, [.. unpaid.Append(paid).Select(id => new UnpaidHold(id, $"BK-{id}", new HoldAmount("USD", "1000")))], pageSize: 2);
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour(), maxParallel = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var trigger = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var first = await Api.WaitForCompletedRunAsync(promoId, notRunId: null, TimeSpan.FromSeconds(60));
        var summary = first["lastRun"]!["summary"]!;
        Assert.Equal((3, 5, 5), ((int)summary["pagesRead"]!, (int)summary["holdsListed"]!, (int)summary["started"]!));
        Assert.Equal(4, (int)summary["byOutcome"]!["Cancelled"]!);
        Assert.Equal(1, (int)summary["byOutcome"]!["NotCancellable"]!);
        Assert.Equal(1, (int)summary["paidLeftAlone"]!);
        Assert.True((bool)summary["completed"]!);
        Assert.StartsWith($"promo-expiry-{promoId}-", (string?)first["lastRun"]!["workflowId"], StringComparison.Ordinal);
        var firstRunId = (string?)first["lastRun"]!["runId"];
        Assert.Equal(1, (await devMode.Temporal.ScheduleAsync(promoId))!.Info.NumActions);
        foreach (var id in unpaid)
        {
            Assert.Equal(1, (await devMode.Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
        }

        Assert.Equal("SUCCESS", (await devMode.Dev.Simulator.GetPaymentAsync(paid))!.PaymentStatus);
        Assert.Equal(5, await CountChildrenAsync(promoId, expected: 5));

        using var again = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = await Api.WaitForCompletedRunAsync(promoId, notRunId: firstRunId, TimeSpan.FromSeconds(60));
        var secondSummary = second["lastRun"]!["summary"]!;
        Assert.Equal((0, 5), ((int)secondSummary["started"]!, (int)secondSummary["alreadyHandled"]!));
        Assert.Equal(2, ((JsonArray)second["recentActions"]!).Count);
        foreach (var id in unpaid)
        {
            Assert.Equal(1, (await devMode.Dev.Simulator.GetPaymentAsync(id))!.EffectiveCancels);
        }
    }

    /// <summary>A hold whose status could not be read is counted apart in GET's summary (not Failed, not by outcome).
    /// The report is signalled here as the cancel workflow sends it when its eligibility inquiry gives no usable answer;
    /// the hold's own cancel is slowed down (two 8 s answers) so that this report is the one the run hears first.</summary>
    [Fact]
    public async Task Trigger_HoldReportedStatusUnreadable_GetShowsItUnderItsOwnCount()
    {
        var promoId = PromotionApiCalls.NewPromoId("unread");
        var hold = await PaymentAsync($"{promoId}-u", "PROCESSING");
        var slow = new SimFault { Kind = "delay", DelayMs = 8000 };
        await devMode.Dev.Simulator.QueueFaultsAsync(hold, slow, slow);
        devMode.Holds.Serve(promoId, [new UnpaidHold(hold, null, null)], pageSize: 10);
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var trigger = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);

        var running = await WaitForAsync(promoId, p => p["lastRun"]?["summary"]?["inFlight"] is JsonNode n && (int)n == 1);
        var workflowId = (string)running["lastRun"]!["workflowId"]!;
        await devMode.Temporal.GetWorkflowHandle<PromoExpiryWorkflow>(workflowId)
            .SignalAsync(wf => wf.HoldDecidedAsync(new HoldDecided(hold, null, null, false, false, StatusUnreadable: true)));

        var done = await Api.WaitForCompletedRunAsync(promoId, notRunId: null, TimeSpan.FromSeconds(60));
        var summary = done["lastRun"]!["summary"]!;
        Assert.Equal((1, 1, 0, 1), ((int)summary["started"]!, (int)summary["statusUnreadable"]!, (int)summary["failed"]!, (int)summary["finished"]!));
        Assert.Empty((JsonObject)summary["byOutcome"]!);
    }

    [Fact]
    public async Task OneOff_RunsByItselfAtTheEnd_ExactlyOnce()
    {
        var promoId = PromotionApiCalls.NewPromoId("end");
        var hold = await PaymentAsync($"{promoId}-u", "PROCESSING");
        devMode.Holds.Serve(promoId, [new UnpaidHold(hold, null, null)], pageSize: 10);
        var endsAt = DateTimeOffset.UtcNow.AddSeconds(8);
        endsAt = endsAt.AddTicks(-(endsAt.Ticks % TimeSpan.TicksPerSecond));
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt = endsAt.ToString("O") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var done = await Api.WaitForCompletedRunAsync(promoId, notRunId: null, TimeSpan.FromSeconds(60));

        var action = Assert.Single((JsonArray)done["recentActions"]!)!;
        Assert.Equal(endsAt, (DateTimeOffset)action["scheduledAt"]!);
        Assert.True((DateTimeOffset)action["startedAt"]! >= endsAt);
        Assert.Empty((JsonArray)done["nextActionTimes"]!);
        Assert.Equal(1, (int)done["lastRun"]!["summary"]!["byOutcome"]!["Cancelled"]!);
        Assert.Equal(1, (await devMode.Dev.Simulator.GetPaymentAsync(hold))!.EffectiveCancels);
        await Task.Delay(2000);
        Assert.Equal(1, (await devMode.Temporal.ScheduleAsync(promoId))!.Info.NumActions);
    }

    private async Task<string> PaymentAsync(string id, string status)
    {
        await devMode.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = status,
            PaymentAmount = new AntomAmount("USD", "1000"),
        });
        return id;
    }

    private async Task<JsonObject> WaitForAsync(string promoId, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var promotion = await Api.GetPromotionAsync(promoId);
            if (condition(promotion))
            {
                return promotion;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{promoId}: {promotion.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Cancel workflows carrying search attribute PromoId (visibility is eventually consistent: polls a while).</summary>
    private async Task<int> CountChildrenAsync(string promoId, int expected)
    {
        var query = $"WorkflowType = 'CancelPaymentWorkflow' AND PromoId = '{promoId}'";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        int count;
        do
        {
            count = 0;
            await foreach (var unused in devMode.Temporal.ListWorkflowsAsync(query))
            {
                count++;
            }

            if (count >= expected)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return count;
    }
}
