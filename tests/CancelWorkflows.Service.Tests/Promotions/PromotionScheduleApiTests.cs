using System.Net;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Workflows.Promotions;
using Temporalio.Api.Enums.V1;
using Temporalio.Client.Schedules;
using Temporalio.Converters;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>Schedules created, read, updated, paused, resumed, listed and deleted through <c>/v1/promotions</c>, checked
/// on the schedule itself (<c>ScheduleHandle.DescribeAsync</c> on the dev server).</summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class PromotionScheduleApiTests(PromotionDevMode devMode)
{
    private HttpClient Api => devMode.Dev.Api;

    [Fact]
    public async Task Post_OneOff_ScheduleRunsOnceAtTheEndWithSkipAndConfiguredCatchup()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        var endsAt = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 31, 23, 59, 30, TimeSpan.FromHours(2));

        var endsAtText = endsAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await Api.CreatePromotionAsync(new { promoId, endsAt = endsAtText, maxParallel = 7, note = "spring sale" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/promotions/{promoId}", response.Headers.Location?.OriginalString);
        var schedule = (await devMode.Temporal.ScheduleAsync(promoId))!;
        var calendar = Assert.Single(schedule.Schedule.Spec.Calendars);
        var utc = endsAt.UtcDateTime;
        Assert.Equal([utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second], new[] { calendar.Year, calendar.Month, calendar.DayOfMonth, calendar.Hour, calendar.Minute, calendar.Second }.Select(r => Assert.Single(r).Start));
        Assert.Equal("UTC", schedule.Schedule.Spec.TimeZoneName);
        Assert.Equal([utc], schedule.Info.NextActionTimes);
        Assert.Equal(ScheduleOverlapPolicy.Skip, schedule.Schedule.Policy.Overlap);
        Assert.Equal(PromotionDevMode.CatchupWindow, schedule.Schedule.Policy.CatchupWindow);
        var action = Assert.IsType<ScheduleActionStartWorkflow>(schedule.Schedule.Action);
        Assert.Equal("PromoExpiryWorkflow", action.Workflow);
        Assert.Equal($"promo-expiry-{promoId}", action.Options.Id);
        Assert.Equal("cancel-payments", action.Options.TaskQueue);
        var request = await ((IEncodedRawValue)action.Args.Single()!).ToValueAsync<PromoExpiryRequest>();
        Assert.Equal(promoId, request.PromoId);
        Assert.Equal(7, request.MaxParallel);
        var view = await response.ReadObjectAsync();
        Assert.Equal("oneOff", (string?)view["kind"]);
        Assert.Equal(endsAt, (DateTimeOffset)view["endsAt"]!);
        Assert.Equal("spring sale", (string?)view["note"]);
    }

    [Fact]
    public async Task Post_AntomMerchant_TheRunsCancelAsThatMerchant_NamedAsConfigured()
    {
        var promoId = PromotionApiCalls.NewPromoId();

        using var response = await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour(), antomMerchant = "BRAND-B" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("brand-b", (string?)(await response.ReadObjectAsync())["antomMerchant"]);
        var action = Assert.IsType<ScheduleActionStartWorkflow>((await devMode.Temporal.ScheduleAsync(promoId))!.Schedule.Action);
        var request = await ((IEncodedRawValue)action.Args.Single()!).ToValueAsync<PromoExpiryRequest>();
        Assert.Equal("brand-b", request.AntomMerchant);
    }

    [Fact]
    public async Task Post_SameContentAgain_200AndScheduleUntouched()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        var body = new { promoId, endsAt = PromotionApiCalls.InAnHour(), note = "once" };
        using var first = await Api.CreatePromotionAsync(body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var again = await Api.CreatePromotionAsync(body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await devMode.Temporal.ScheduleAsync(promoId))!.Info.LastUpdatedAt);
    }

    [Fact]
    public async Task Post_Cron_ScheduleFiresAtTheCronTimeInItsTimeZone()
    {
        var promoId = PromotionApiCalls.NewPromoId();

        using var response = await Api.CreatePromotionAsync(new { promoId, cron = "30 22 * * SUN", timeZone = "Europe/Paris" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var schedule = (await devMode.Temporal.ScheduleAsync(promoId))!;
        Assert.Equal("Europe/Paris", schedule.Schedule.Spec.TimeZoneName);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.NotEmpty(schedule.Info.NextActionTimes);
        foreach (var next in schedule.Info.NextActionTimes)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(next, paris);
            Assert.Equal((DayOfWeek.Sunday, 22, 30), (local.DayOfWeek, local.Hour, local.Minute));
        }

        var view = await response.ReadObjectAsync();
        Assert.Equal(("recurring", "30 22 * * SUN"), ((string?)view["kind"], (string?)view["cron"]));
    }

    [Fact]
    public async Task PauseThenPut_UpdatesTimingAndStaysPaused_ResumeUnpauses()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var paused = await Api.PostAsync($"v1/promotions/{promoId}/pause?reason=stock%20check", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var afterPause = (await devMode.Temporal.ScheduleAsync(promoId))!;
        Assert.True(afterPause.Schedule.State.Paused);
        Assert.Contains("stock check", afterPause.Schedule.State.Note, StringComparison.Ordinal);

        var newEnd = DateTimeOffset.UtcNow.AddDays(2);
        newEnd = newEnd.AddTicks(-(newEnd.Ticks % TimeSpan.TicksPerSecond));
        using var updated = await Api.PutPromotionAsync(promoId, new { endsAt = newEnd.ToString("O"), maxParallel = 3 });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var afterPut = (await devMode.Temporal.ScheduleAsync(promoId))!;
        Assert.True(afterPut.Schedule.State.Paused);
        Assert.Equal(newEnd.Day, Assert.Single(Assert.Single(afterPut.Schedule.Spec.Calendars).DayOfMonth).Start);
        var action = (ScheduleActionStartWorkflow)afterPut.Schedule.Action;
        Assert.Equal(3, (await ((IEncodedRawValue)action.Args.Single()!).ToValueAsync<PromoExpiryRequest>()).MaxParallel);
        Assert.True((bool)(await updated.ReadObjectAsync())["paused"]!);

        using var resumed = await Api.PostAsync($"v1/promotions/{promoId}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.False((await devMode.Temporal.ScheduleAsync(promoId))!.Schedule.State.Paused);
        Assert.Equal([newEnd.UtcDateTime], (await devMode.Temporal.ScheduleAsync(promoId))!.Info.NextActionTimes);
    }

    [Fact]
    public async Task Trigger_WhilePaused_StillRunsNow_AndStaysPaused()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        (await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() })).Dispose();
        (await Api.PostAsync($"v1/promotions/{promoId}/pause", null)).Dispose();

        using var trigger = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var done = await Api.WaitForCompletedRunAsync(promoId, notRunId: null, TimeSpan.FromSeconds(30));
        Assert.Equal(0, (int)done["lastRun"]!["summary"]!["holdsListed"]!);
        Assert.True((bool)done["paused"]!);
        Assert.Equal(1, (await devMode.Temporal.ScheduleAsync(promoId))!.Info.NumActions);
    }

    [Fact]
    public async Task Trigger_WhileARunIsInProgress_409AndNoSecondRun()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        devMode.Holds.Serve(promoId, [], pageSize: 10, delay: TimeSpan.FromSeconds(4));
        (await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() })).Dispose();
        using var first = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var second = await Api.PostAsync($"v1/promotions/{promoId}/trigger", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.EndsWith("promotion-run-in-progress", (string?)(await second.ReadObjectAsync())["type"], StringComparison.Ordinal);
        await Api.WaitForCompletedRunAsync(promoId, notRunId: null, TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await devMode.Temporal.ScheduleAsync(promoId))!.Info.NumActions);
    }

    [Fact]
    public async Task Put_NewId_CreatesIt()
    {
        var promoId = PromotionApiCalls.NewPromoId();

        using var response = await Api.PutPromotionAsync(promoId, new { cron = "0 6 1 * *", timeZone = "Asia/Tokyo" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Asia/Tokyo", (await devMode.Temporal.ScheduleAsync(promoId))!.Schedule.Spec.TimeZoneName);
    }

    [Fact]
    public async Task Delete_RemovesTheSchedule_ThenGetAndDeleteAre404()
    {
        var promoId = PromotionApiCalls.NewPromoId();
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt = PromotionApiCalls.InAnHour() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var deleted = await Api.DeleteAsync($"v1/promotions/{promoId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await devMode.Temporal.ScheduleAsync(promoId));
        using var get = await Api.GetAsync($"v1/promotions/{promoId}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        using var again = await Api.DeleteAsync($"v1/promotions/{promoId}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task List_ShowsCreatedPromotions()
    {
        var oneOff = PromotionApiCalls.NewPromoId("list");
        var recurring = PromotionApiCalls.NewPromoId("list");
        (await Api.CreatePromotionAsync(new { promoId = oneOff, endsAt = PromotionApiCalls.InAnHour() })).Dispose();
        (await Api.CreatePromotionAsync(new { promoId = recurring, cron = "0 0 * * *", timeZone = "UTC" })).Dispose();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonArray items;
        do
        {
            using var response = await Api.GetAsync("v1/promotions?limit=1000");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            items = (JsonArray)(await response.ReadObjectAsync())["items"]!;
            if (items.Any(i => (string?)i!["promoId"] == oneOff) && items.Any(i => (string?)i!["promoId"] == recurring))
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("oneOff", (string?)items.Single(i => (string?)i!["promoId"] == oneOff)!["kind"]);
        Assert.Equal("recurring", (string?)items.Single(i => (string?)i!["promoId"] == recurring)!["kind"]);
    }

    [Fact]
    public async Task AnyCall_WithoutApiKey_401Problem()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };

        using var response = await anonymous.GetAsync("v1/promotions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApiAndTheHoldsSourceContract()
    {
        using var response = await Api.GetAsync("openapi/v1.json");
        var document = await response.ReadObjectAsync();

        Assert.NotNull(document["paths"]!["/v1/promotions/{promoId}/trigger"]);
        Assert.NotNull(document["webhooks"]!["holdsSource"]!["get"]);
        var page = document["components"]!["schemas"]!["HoldsPage"]!;
        Assert.NotNull(page["properties"]!["nextPageToken"]);
        Assert.NotNull(document["components"]!["schemas"]!["UnpaidHold"]!["properties"]!["paymentRequestId"]);
    }
}
