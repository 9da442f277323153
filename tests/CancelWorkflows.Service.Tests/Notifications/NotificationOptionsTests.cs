using CancelWorkflows.Service.Notifications;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary><c>Notifications:*</c>: the defaults chosen for Antom's 24-hour re-sends, and refusals naming the setting.</summary>
public sealed class NotificationOptionsTests
{
    /// <summary>Antom's re-send intervals in minutes (antom-api.md §4): 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h.</summary>
    private static readonly int[] ResendIntervalsMinutes = [0, 2, 10, 10, 60, 120, 360, 900];

    private readonly NotificationOptionsValidator validator = new();

    [Fact]
    public void Defaults_PathLimitAndASkewThatOutlastsAntomsResends()
    {
        var options = new NotificationOptions();

        Assert.Equal("/v1/antom/notifications", options.Path);
        Assert.Equal(65536, options.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(5), options.TemporalTimeout);

        // The intervals add up to 24 h 22 min; if request-time is never refreshed, the last re-send is that old. The window
        // must cover it, with room for clock drift.
        var lastResend = ResendIntervalsMinutes.Sum(minutes => TimeSpan.FromMinutes(minutes).Ticks);
        Assert.True(options.AllowedSkew > TimeSpan.FromTicks(lastResend) + TimeSpan.FromHours(1), $"skew {options.AllowedSkew}");
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void InfiniteSkew_Accepted()
    {
        Assert.True(validator.Validate(null, new NotificationOptions { AllowedSkew = Timeout.InfiniteTimeSpan }).Succeeded);
    }

    [Theory]
    [InlineData("Notifications:Path", "v1/no-slash", 65536, 60, 5)]
    [InlineData("Notifications:Path", "/with?query", 65536, 60, 5)]
    [InlineData("Notifications:MaxBodyBytes", "/n", 100, 60, 5)]
    [InlineData("Notifications:AllowedSkew", "/n", 65536, 0, 5)]
    [InlineData("Notifications:AllowedSkew", "/n", 65536, -5, 5)]
    [InlineData("Notifications:TemporalTimeout", "/n", 65536, 60, 0)]
    [InlineData("Notifications:TemporalTimeout", "/n", 65536, 60, 600)]
    public void BadValue_RefusedNamingTheSetting(string setting, string path, int maxBodyBytes, int skewSeconds, int timeoutSeconds)
    {
        var result = validator.Validate(null, new NotificationOptions
        {
            Path = path,
            MaxBodyBytes = maxBodyBytes,
            AllowedSkew = TimeSpan.FromSeconds(skewSeconds),
            TemporalTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting + " ", failure, StringComparison.Ordinal);
    }
}
