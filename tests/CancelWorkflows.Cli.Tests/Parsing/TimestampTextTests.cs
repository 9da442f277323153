using CancelWorkflows.Cli.Parsing;

namespace CancelWorkflows.Cli.Tests.Parsing;

public sealed class TimestampTextTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-03-01", "2025-03-01T00:00:00Z")]
    [InlineData("2025-03-01T12:00:00Z", "2025-03-01T12:00:00Z")]
    [InlineData("2025-03-01T12:00:00", "2025-03-01T12:00:00Z")]
    [InlineData("2025-03-01T20:00:00+08:00", "2025-03-01T12:00:00Z")]
    [InlineData("now", "2025-03-10T08:30:00Z")]
    [InlineData("now-7d", "2025-03-03T08:30:00Z")]
    [InlineData("NOW-90m", "2025-03-10T07:00:00Z")]
    [InlineData("now+1d", "2025-03-11T08:30:00Z")]
    public void TryParse_AcceptedForms_GiveTheInstant(string text, string expectedUtc)
    {
        Assert.True(TimestampText.TryParse(text, Now, out var timestamp));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("now-")]
    [InlineData("now+")]
    [InlineData("now*1d")]
    [InlineData("2025-13-01")]
    public void TryParse_Nonsense_IsRefused(string text) => Assert.False(TimestampText.TryParse(text, Now, out _));
}
