using System.Text.Json;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Promotions;
using Temporalio.Client.Schedules;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>The checks made before any schedule is touched, and the one-off spec, without a server.</summary>
public sealed class PromotionValidationTests
{
    private static readonly PromotionOptions Options = new();

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 9 * * MON")]
    [InlineData("*/15 8-18 * * 1-5")]
    [InlineData("0 0 1,15 JAN-MAR,dec *")]
    [InlineData("  30   22 * *   SUN ")]
    [InlineData("0 0 * * 7")]
    public void Cron_Valid_NoProblem(string cron) => Assert.Null(PromotionCron.Problem(cron, TimeZoneInfo.Utc, Now));

    [Theory]
    [InlineData("0 9 * *")]
    [InlineData("0 0 9 * * MON")]
    [InlineData("@daily")]
    [InlineData("60 * * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 0 0 * *")]
    [InlineData("0 0 * 13 *")]
    [InlineData("0 0 * * FUNDAY")]
    [InlineData("5-1 * * * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("1/2/3 * * * *")]
    [InlineData("0 0 30 2 *")]
    public void Cron_Invalid_Problem(string cron) => Assert.NotNull(PromotionCron.Problem(cron, TimeZoneInfo.Utc, Now));

    [Theory]
    [InlineData("2030-01-01T00:00:00Z", "2030-01-01T00:00:00+00:00")]
    [InlineData("2030-01-01T01:00:00+01:00", "2030-01-01T00:00:00+00:00")]
    [InlineData("2030-01-01T00:00:00.2Z", "2030-01-01T00:00:01+00:00")]
    [InlineData("2030-01-01T00:00Z", "2030-01-01T00:00:00+00:00")]
    public void EndsAt_IsoWithOffset_RoundedUpToASecond(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EndOf(text));

    [Theory]
    [InlineData("2030-01-01T00:00:00")]
    [InlineData("2030-01-01")]
    [InlineData("01/01/2030 00:00:00 +00:00")]
    [InlineData("2030-02-30T00:00:00Z")]
    public void EndsAt_NotIsoWithOffset_RefusedAsTheBodyIsRead(string text)
    {
        var refused = Assert.Throws<JsonException>(() => EndOf(text));

        Assert.Equal(("endsAt", "Must be an ISO-8601 date and time with an offset, e.g. 2026-12-31T23:59:59Z or 2026-12-31T23:59:59+01:00."),
            StrictJsonBody.Reason(refused, StrictJsonBody.Options.GetTypeInfo(typeof(PromotionRequest))));
    }

    [Fact]
    public void EndProblem_PastOrTooCloseOrTooFar_Refused_FutureAccepted()
    {
        var now = DateTimeOffset.UtcNow;
        PromotionDefinition At(DateTimeOffset end) => new() { PromoId = "p", EndsAt = end, MaxParallel = 1 };

        Assert.NotNull(PromotionValidation.EndProblem(At(now.AddMinutes(-1)), now));
        Assert.NotNull(PromotionValidation.EndProblem(At(now.AddSeconds(1)), now));
        Assert.NotNull(PromotionValidation.EndProblem(At(now.AddYears(6)), now));
        Assert.Null(PromotionValidation.EndProblem(At(now.AddMinutes(1)), now));
    }

    [Theory]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("UTC", "UTC")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Romance Standard Time", null)]
    [InlineData("europe/paris", null)]
    [InlineData("Mars/Base", null)]
    public void TimeZone_OnlyExactIanaNames(string name, string? expected) => Assert.Equal(expected, IanaTimeZones.Find(name));

    [Theory]
    [InlineData("summer-2026", true)]
    [InlineData("a", true)]
    [InlineData("Black_Friday.eu", true)]
    [InlineData("-leading-dash", false)]
    [InlineData("has space", false)]
    [InlineData("slash/y", false)]
    [InlineData("x123456789012345678901234567890123456789012345678", false)]
    public void PromoId_CharsetAndLength(string promoId, bool valid) =>
        Assert.Equal(valid, PromotionValidation.PromoIdProblem(promoId) is null);

    [Fact]
    public void Validate_DefaultsAndNormalizes()
    {
        var (definition, errors) = PromotionValidation.Validate(
            new PromotionRequest { PromoId = "weekly", Cron = " 0  22 * *  SUN ", TimeZone = "Europe/Paris", Note = "n" }, null, Options);

        Assert.Empty(errors);
        Assert.Equal(new PromotionDefinition { PromoId = "weekly", Cron = "0 22 * * SUN", TimeZone = "Europe/Paris", MaxParallel = Options.MaxParallel, Note = "n" }, definition);
    }

    [Theory]
    [InlineData("\u2000", null)]
    [InlineData("", null)]
    [InlineData(" \t", null)]
    [InlineData(null, "\u00a0")]
    [InlineData(null, "")]
    public void Validate_CronOrTimeZoneSentBlank_RefusedNotReadAsAbsent(string? cron, string? timeZone)
    {
        // Found by the hostile-input suite: a one-off with "cron": "\u2000" was created (201) as if no cron had been sent.
        var (definition, errors) = PromotionValidation.Validate(
            new PromotionRequest { PromoId = "blank", EndsAt = Now.AddDays(1), Cron = cron, TimeZone = timeZone }, null, Options, Now);

        Assert.Null(definition);
        Assert.Equal(cron is null ? "timeZone" : "cron", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(" weekly")]
    [InlineData("weekly ")]
    [InlineData("\tweekly\n")]
    [InlineData(" ")]
    public void Validate_PromoIdWithWhitespaceAroundIt_RefusedNotTrimmed(string promoId)
    {
        // The id names the schedule: a caller that sent " weekly" must not find it created as "weekly".
        var (definition, errors) = PromotionValidation.Validate(
            new PromotionRequest { PromoId = promoId, Cron = "0 22 * * SUN", TimeZone = "Europe/Paris" }, null, Options);

        Assert.Null(definition);
        Assert.Contains("space", Assert.Single(errors["promoId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_SameInstantWrittenWithAnotherOffset_IsTheSameContent()
    {
        var a = new PromotionDefinition { PromoId = "p", EndsAt = EndOf("2030-01-01T01:00:00+01:00"), MaxParallel = 5 };
        var b = a with { EndsAt = EndOf("2030-01-01T00:00:00Z") };

        Assert.Equal(a, b);
        Assert.Empty(a.DifferencesFrom(b));
        Assert.Single((a with { MaxParallel = 6 }).DifferencesFrom(b));
    }

    [Fact]
    public void OneOffSpec_ExactUtcCalendar_ReadBackAsTheEnd()
    {
        var end = new DateTimeOffset(2030, 3, 31, 1, 30, 15, TimeSpan.FromHours(2));

        var spec = PromotionScheduleFactory.Spec(new PromotionDefinition { PromoId = "p", EndsAt = end, MaxParallel = 1 });

        Assert.Equal("UTC", spec.TimeZoneName);
        var calendar = Assert.Single(spec.Calendars);
        Assert.Equal([2030, 3, 30, 23, 30, 15], new[] { calendar.Year, calendar.Month, calendar.DayOfMonth, calendar.Hour, calendar.Minute, calendar.Second }.Select(r => r.Single().Start));
        Assert.Equal(end, PromotionScheduleFactory.OneOffEnd(spec));
        Assert.Null(PromotionScheduleFactory.OneOffEnd(new ScheduleSpec { CronExpressions = ["0 0 * * *"] }));
    }

    [Fact]
    public void Options_Defaults_Valid_AndBadOnesNamed()
    {
        Assert.Empty(new PromotionOptions().Validate());
        var failures = new PromotionOptions { CatchupWindow = TimeSpan.Zero, MaxParallel = 0, ContinueAsNewEvery = 0 }.Validate();
        Assert.Contains(failures, f => f.StartsWith("Promotions:CatchupWindow", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Promotions:MaxParallel", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Promotions:ContinueAsNewEvery", StringComparison.Ordinal));
    }

    /// <summary>A run keeps every child it started as a pending child for the child's 25 h watch window; Temporal refuses
    /// more than 2,000 per run, so a run may take up at most 1,000 holds, and no promotion may ask for more in flight.</summary>
    [Theory]
    [InlineData(1000, 500, 50, null)]
    [InlineData(1001, 500, 50, "Promotions:ContinueAsNewEvery")]
    [InlineData(10_000, 500, 50, "Promotions:ContinueAsNewEvery")]
    [InlineData(100, 500, 50, "Promotions:MaxParallelLimit")]
    [InlineData(100, 100, 50, null)]
    public void Options_ContinueAsNewEveryAtMostHalfThePendingChildrenLimit_MaxParallelLimitAtMostContinueAsNewEvery(
        int continueAsNewEvery, int maxParallelLimit, int maxParallel, string? refused)
    {
        var failures = new PromotionOptions { ContinueAsNewEvery = continueAsNewEvery, MaxParallelLimit = maxParallelLimit, MaxParallel = maxParallel }.Validate();

        if (refused is null)
        {
            Assert.Empty(failures);
        }
        else
        {
            var failure = Assert.Single(failures);
            Assert.StartsWith(refused, failure, StringComparison.Ordinal);
        }
    }

    /// <summary><c>endsAt</c> as the API reads it: the body's strict reading, then the validation's rounding.</summary>
    private static DateTimeOffset? EndOf(string text)
    {
        var request = JsonSerializer.Deserialize<PromotionRequest>(JsonSerializer.Serialize(new { endsAt = text }), StrictJsonBody.Options)!;
        return request.EndsAt is { } end ? PromotionValidation.RoundUp(end) : null;
    }
}
