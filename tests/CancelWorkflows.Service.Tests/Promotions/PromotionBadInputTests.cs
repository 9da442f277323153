using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>Every bad input → 400 with a reason naming the field, and no schedule made or changed.</summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class PromotionBadInputTests(PromotionDevMode devMode)
{
    private HttpClient Api => devMode.Dev.Api;

    public static TheoryData<string, string, string> BadBodies => new()
    {
        // case, JSON with {id} for the promotion id, the field the 400 names
        { "end in the past", """{"promoId":"{id}","endsAt":"2020-01-01T00:00:00Z"}""", "endsAt" },
        { "end without offset", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00"}""", "endsAt" },
        { "end not a date", """{"promoId":"{id}","endsAt":"next friday"}""", "endsAt" },
        { "cron out of range", """{"promoId":"{id}","cron":"0 25 * * *","timeZone":"UTC"}""", "cron" },
        { "cron with 6 fields", """{"promoId":"{id}","cron":"0 0 0 * * *","timeZone":"UTC"}""", "cron" },
        { "cron macro", """{"promoId":"{id}","cron":"@daily","timeZone":"UTC"}""", "cron" },
        { "cron without time zone", """{"promoId":"{id}","cron":"0 9 * * MON"}""", "timeZone" },
        { "unknown time zone", """{"promoId":"{id}","cron":"0 9 * * MON","timeZone":"Mars/Olympus_Mons"}""", "timeZone" },
        { "windows time zone name", """{"promoId":"{id}","cron":"0 9 * * MON","timeZone":"Romance Standard Time"}""", "timeZone" },
        { "both end and cron", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","cron":"0 9 * * MON","timeZone":"UTC"}""", "endsAt" },
        { "neither end nor cron", """{"promoId":"{id}"}""", "endsAt" },
        { "maxParallel 0", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","maxParallel":0}""", "maxParallel" },
        { "maxParallel a string", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","maxParallel":"5"}""", "maxParallel" },
        { "unknown field", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","startsAt":"2029-01-01T00:00:00Z"}""", "startsAt" },
        { "promo id with a slash", """{"promoId":"{id}/x","endsAt":"2030-01-01T00:00:00Z"}""", "promoId" },
        { "promo id too long", """{"promoId":"{id}-0123456789012345678901234567890","endsAt":"2030-01-01T00:00:00Z"}""", "promoId" },
        { "promo id missing", """{"endsAt":"2030-01-01T00:00:00Z"}""", "promoId" },
        { "promo id with spaces around it", """{"promoId":" {id} ","endsAt":"2030-01-01T00:00:00Z"}""", "promoId" },
        { "promo id with a lone surrogate escape", """{"promoId":"{id}\ud800","endsAt":"2030-01-01T00:00:00Z"}""", "promoId" },
        { "note with a lone surrogate escape", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","note":"\udc00 sale"}""", "note" },
        { "an Antom merchant not configured", """{"promoId":"{id}","endsAt":"2030-01-01T00:00:00Z","antomMerchant":"brand-z"}""", "antomMerchant" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadInput_400NamingTheFieldAndNoSchedule(string @case, string json, string field)
    {
        var promoId = PromotionApiCalls.NewPromoId("bad");

        using var response = await PostRawAsync(json.Replace("{id}", promoId, StringComparison.Ordinal));

        var problem = await response.ReadObjectAsync();
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{@case}: {(int)response.StatusCode} {problem.ToJsonString()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"{@case}: expected an error for '{field}': {problem.ToJsonString()}");
        Assert.Null(await devMode.Temporal.ScheduleAsync(promoId));
    }

    [Fact]
    public async Task Post_ExistingIdWithDifferentContent_400AndScheduleUnchanged()
    {
        var promoId = PromotionApiCalls.NewPromoId("dup");
        var endsAt = PromotionApiCalls.InAnHour();
        using var created = await Api.CreatePromotionAsync(new { promoId, endsAt, maxParallel = 5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = (await devMode.Temporal.ScheduleAsync(promoId))!;

        using var response = await Api.CreatePromotionAsync(new { promoId, endsAt, maxParallel = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.EndsWith("promotion-exists-with-different-content", (string?)problem["type"], StringComparison.Ordinal);
        Assert.Contains("maxParallel", problem["errors"]!["promoId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var after = (await devMode.Temporal.ScheduleAsync(promoId))!;
        Assert.Null(after.Info.LastUpdatedAt);
        Assert.Equal(before.Info.NextActionTimes, after.Info.NextActionTimes);
    }

    [Fact]
    public async Task Put_BadInputOnAnExistingPromotion_400AndScheduleUnchanged()
    {
        var promoId = PromotionApiCalls.NewPromoId("put");
        using var created = await Api.CreatePromotionAsync(new { promoId, cron = "0 9 * * MON", timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var pastEnd = await Api.PutPromotionAsync(promoId, new { endsAt = "2020-01-01T00:00:00Z" });
        using var badCron = await Api.PutPromotionAsync(promoId, new { cron = "61 9 * * MON", timeZone = "Europe/Paris" });
        using var badZone = await Api.PutPromotionAsync(promoId, new { cron = "0 9 * * MON", timeZone = "Europe/Atlantis" });
        using var otherId = await Api.PutPromotionAsync(promoId, new { promoId = "someone-else", cron = "0 9 * * MON", timeZone = "Europe/Paris" });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { pastEnd.StatusCode, badCron.StatusCode, badZone.StatusCode, otherId.StatusCode });
        var schedule = (await devMode.Temporal.ScheduleAsync(promoId))!;
        Assert.Null(schedule.Info.LastUpdatedAt);
        Assert.Equal("Europe/Paris", schedule.Schedule.Spec.TimeZoneName);
    }

    [Fact]
    public async Task Post_NotJson_415AndNoSchedule()
    {
        var promoId = PromotionApiCalls.NewPromoId("bad");
        using var content = new StringContent($"promoId={promoId}", Encoding.UTF8, "text/plain");

        using var response = await Api.PostAsync("v1/promotions", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await devMode.Temporal.ScheduleAsync(promoId));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Api.PostAsync("v1/promotions", content);
    }
}
