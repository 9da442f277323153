using CancelWorkflows.Service.Notifications;
using Microsoft.Extensions.Configuration;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary><c>Notifications:*</c>: the defaults chosen for Antom's 24-hour re-sends, and refusals naming the setting.</summary>
public sealed class NotificationOptionsTests
{
    /// <summary>Antom's re-send intervals in minutes (docs/antom-api.md §4): 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h.</summary>
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
    public void Defaults_FutureBoundIsClockSkewOnly_MemoryOn_QueryDeadlineLeavesTimeToSignal()
    {
        var options = new NotificationOptions();

        Assert.Equal(TimeSpan.FromMinutes(5), options.AllowedFutureSkew);
        Assert.Equal(100_000, options.RecordedIdCacheSize);
        Assert.Equal(TimeSpan.FromSeconds(1), options.EffectiveDuplicateQueryTimeout);
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    /// <summary>A short TemporalTimeout chosen before the query existed stays valid: the query takes at most half of it.</summary>
    [Fact]
    public void DuplicateQueryTimeoutUnset_ShortTemporalTimeout_HalfOfIt()
    {
        var options = new NotificationOptions { TemporalTimeout = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(500), options.EffectiveDuplicateQueryTimeout);
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

    [Theory]
    [InlineData("AllowedFutureSkew", "00:00:00")]
    [InlineData("AllowedFutureSkew", "01:00:00")]
    [InlineData("RecordedIdCacheSize", "0")]
    [InlineData("RecordedIdCacheSize", "1000000")]
    [InlineData("DuplicateQueryTimeout", "00:00:04.900")]
    public void EdgeValue_Accepted(string key, string value)
    {
        var result = validator.Validate(null, Bind(key, value));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    /// <summary>As an operator would set them (configuration keys, TimeSpan text): a wider future bound would extend how
    /// long a captured notification can be replayed; "off" (infinite) is not an option for it.</summary>
    [Theory]
    [InlineData("AllowedFutureSkew", "01:00:01")]
    [InlineData("AllowedFutureSkew", "1.02:00:00")]
    [InlineData("AllowedFutureSkew", "-00:00:01")]
    [InlineData("AllowedFutureSkew", "-00:00:00.001")]
    [InlineData("RecordedIdCacheSize", "-1")]
    [InlineData("RecordedIdCacheSize", "1000001")]
    [InlineData("DuplicateQueryTimeout", "00:00:00")]
    [InlineData("DuplicateQueryTimeout", "00:00:05")]
    public void BadValueOfTheReplaySettings_RefusedNamingTheSetting(string key, string value)
    {
        var result = validator.Validate(null, Bind(key, value));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Notifications:{key} ", failure, StringComparison.Ordinal);
    }

    private static NotificationOptions Bind(string key, string value)
    {
        var options = new NotificationOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{NotificationOptions.Section}:{key}"] = value })
            .Build()
            .GetSection(NotificationOptions.Section)
            .Bind(options);
        return options;
    }
}
