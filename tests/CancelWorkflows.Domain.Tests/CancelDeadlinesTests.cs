using CancelWorkflows.Domain;
using static CancelWorkflows.Domain.Tests.TestPayments;

namespace CancelWorkflows.Domain.Tests;

public class CancelDeadlinesTests
{
    private static readonly TimeSpan Cutoff = TimeSpan.FromMinutes(15);

    public static TheoryData<DateTimeOffset, DateTimeOffset> PaymentsAndDeadlines => new()
    {
        // Mid-day T in UTC+8: deadline 00:15 on T+1.
        { AtUtc8(2024, 5, 1, 10, 0), AtUtc8(2024, 5, 2, 0, 15) },
        // The same instant written in UTC: same deadline.
        { At(2024, 5, 1, 2, 0, 0, TimeSpan.Zero), AtUtc8(2024, 5, 2, 0, 15) },
        // 23:59 UTC+8: the deadline is only 16 minutes later.
        { AtUtc8(2024, 5, 1, 23, 59), AtUtc8(2024, 5, 2, 0, 15) },
        { At(2024, 5, 1, 15, 59, 0, TimeSpan.Zero), AtUtc8(2024, 5, 2, 0, 15) },
        // 00:01 UTC+8 is already day T = May 2, although it is still May 1 in UTC and in New York.
        { AtUtc8(2024, 5, 2, 0, 1), AtUtc8(2024, 5, 3, 0, 15) },
        { At(2024, 5, 1, 16, 1, 0, TimeSpan.Zero), AtUtc8(2024, 5, 3, 0, 15) },
        { At(2024, 5, 1, 12, 1, 0, TimeSpan.FromHours(-4)), AtUtc8(2024, 5, 3, 0, 15) },
        // Exactly midnight UTC+8 starts day T.
        { AtUtc8(2024, 5, 2, 0, 0), AtUtc8(2024, 5, 3, 0, 15) },
        // Month and year ends.
        { AtUtc8(2024, 2, 29, 12, 0), AtUtc8(2024, 3, 1, 0, 15) },
        { AtUtc8(2024, 12, 31, 23, 30), AtUtc8(2025, 1, 1, 0, 15) },
    };

    [Theory]
    [MemberData(nameof(PaymentsAndDeadlines))]
    public void NextDayCutoffUtc8_W5_IsQuarterPastMidnightUtc8AfterTheUtc8PaymentDay(DateTimeOffset paymentTime, DateTimeOffset expected)
    {
        DateTimeOffset deadline = CancelDeadlines.NextDayCutoffUtc8(paymentTime, Cutoff);

        Assert.Equal(expected, deadline);
        Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
    }

    [Fact]
    public void NextDayCutoffUtc8_W5_PaymentAt2359Utc8_DeadlineSixteenMinutesLater()
    {
        DateTimeOffset paid = AtUtc8(2024, 5, 1, 23, 59);

        Assert.Equal(TimeSpan.FromMinutes(16), CancelDeadlines.NextDayCutoffUtc8(paid, Cutoff) - paid);
    }

    [Fact]
    public void NextDayCutoffUtc8_NarrowedCutoff_MovesTheDeadline()
    {
        Assert.Equal(AtUtc8(2024, 5, 2, 0, 5), CancelDeadlines.NextDayCutoffUtc8(AtUtc8(2024, 5, 1, 10, 0), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60)]
    public void NextDayCutoffUtc8_CutoffOutsideADay_Throws(int minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CancelDeadlines.NextDayCutoffUtc8(AtUtc8(2024, 5, 1, 10, 0), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void InclusiveWindowEnd_W3W4_IsStartPlusWindow()
    {
        Assert.Equal(AtUtc8(2024, 5, 8, 12, 0), CancelDeadlines.InclusiveWindowEnd(AtUtc8(2024, 5, 1, 12, 0), TimeSpan.FromDays(7)));
    }
}
