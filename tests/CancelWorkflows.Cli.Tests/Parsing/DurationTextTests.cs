using CancelWorkflows.Cli.Parsing;

namespace CancelWorkflows.Cli.Tests.Parsing;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("00:05:00", 300_000)]
    [InlineData(" 5M ", 300_000)]
    public void TryParse_AcceptedForms_GiveTheDuration(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 minutes")]
    [InlineData("-5s")]
    [InlineData("5x")]
    public void TryParse_Nonsense_IsRefused(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(600_000, "10m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(250, "250ms")]
    public void Format_IsShortAndReadable(long milliseconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
