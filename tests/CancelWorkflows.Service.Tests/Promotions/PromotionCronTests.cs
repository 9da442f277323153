using CancelWorkflows.Service.Promotions;
using CancelWorkflows.Service.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.WorkflowService.V1;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>
/// A recurring promotion's runs around daylight-saving changes in Europe/Paris, as Cronos computes them and as Temporal's
/// schedule runs them (the dev server's own answer for the schedule the API made): 02:30 does not exist on the
/// spring-forward night (28 March 2027: 02:00 → 03:00), so Temporal does not run that day (Cronos alone would run at
/// 03:00); on the fall-back night (31 October 2027: 03:00 → 02:00) it runs once, at the second 02:30 (Cronos alone: the
/// first).
/// </summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class PromotionCronTests(PromotionDevMode devMode)
{
    private const string HalfPastTwo = "30 2 * * *";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static TheoryData<DateTimeOffset, DateTimeOffset[]> AroundDaylightSavingChanges => new()
    {
        {
            new DateTimeOffset(2027, 3, 27, 0, 0, 0, TimeSpan.Zero),
            [new(2027, 3, 27, 2, 30, 0, TimeSpan.FromHours(1)), new(2027, 3, 29, 2, 30, 0, TimeSpan.FromHours(2)), new(2027, 3, 30, 2, 30, 0, TimeSpan.FromHours(2))]
        },
        {
            new DateTimeOffset(2027, 10, 30, 0, 0, 0, TimeSpan.Zero),
            [new(2027, 10, 30, 2, 30, 0, TimeSpan.FromHours(2)), new(2027, 10, 31, 2, 30, 0, TimeSpan.FromHours(1)), new(2027, 11, 1, 2, 30, 0, TimeSpan.FromHours(1))]
        },
    };

    [Theory]
    [MemberData(nameof(AroundDaylightSavingChanges))]
    public void NextRuns_HalfPastTwoInParis_NoRunOnTheNightItIsSkippedOneOnTheNightItRepeatsTheSecond(DateTimeOffset from, DateTimeOffset[] expected) =>
        Assert.Equal(expected, PromotionCron.NextRuns(HalfPastTwo, Paris, from, 3));

    [Fact]
    public async Task NextRuns_AroundDaylightSavingChanges_SameAsTemporalsScheduleOfThePromotion()
    {
        var promoId = PromotionApiCalls.NewPromoId("dst");
        using (var created = await devMode.Dev.Api.CreatePromotionAsync(new { promoId, cron = HalfPastTwo, timeZone = "Europe/Paris" }))
        {
            created.EnsureSuccessStatusCode();
        }

        try
        {
            foreach (var from in AroundDaylightSavingChanges.Select(row => (DateTimeOffset)row[0]))
            {
                var to = from.AddDays(4);
                var temporal = await devMode.Temporal.WorkflowService.ListScheduleMatchingTimesAsync(new ListScheduleMatchingTimesRequest
                {
                    Namespace = devMode.Temporal.Options.Namespace,
                    ScheduleId = "promo-expiry-" + promoId,
                    StartTime = Timestamp.FromDateTimeOffset(from),
                    EndTime = Timestamp.FromDateTimeOffset(to),
                });

                Assert.Equal(
                    PromotionCron.NextRuns(HalfPastTwo, Paris, from, 10).Where(t => t < to).Select(t => t.UtcDateTime),
                    temporal.StartTime.Select(t => t.ToDateTime()));
            }
        }
        finally
        {
            using var deleted = await devMode.Dev.Api.DeleteAsync($"v1/promotions/{promoId}");
        }
    }
}
