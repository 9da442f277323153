using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Notifications;

/// <summary>Checks <c>Notifications:*</c> at start-up; each message names its setting.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    /// <summary>Far above any real notification, far below what would let one request exhaust memory.</summary>
    public const int LargestBodyLimit = 16 * 1024 * 1024;

    /// <summary>Clock skew, not a replay window: a request-time further ahead than this is never Antom's.</summary>
    public static readonly TimeSpan LargestFutureSkew = TimeSpan.FromHours(1);

    /// <summary>About 400 MB of ids; beyond it the cache costs more memory than the queries it saves.</summary>
    public const int LargestRecordedIdCache = 1_000_000;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path) || !options.Path.StartsWith('/') || options.Path.Contains('?', StringComparison.Ordinal))
        {
            failures.Add($"Notifications:Path must be a path starting with '/' and without a query (default {NotificationOptions.DefaultPath}).");
        }

        if (options.MaxBodyBytes is < 1024 or > LargestBodyLimit)
        {
            failures.Add($"Notifications:MaxBodyBytes must be between 1024 and {LargestBodyLimit} (default 65536).");
        }

        if (options.AllowedSkew <= TimeSpan.Zero && options.AllowedSkew != Timeout.InfiniteTimeSpan)
        {
            failures.Add("Notifications:AllowedSkew must be a positive time span (how far request-time may be in the past; default 1.02:00:00), or -00:00:00.001 to turn the past bound off.");
        }

        if (options.AllowedFutureSkew < TimeSpan.Zero || options.AllowedFutureSkew > LargestFutureSkew)
        {
            failures.Add("Notifications:AllowedFutureSkew must be between 00:00:00 and 01:00:00 (how far request-time may be ahead of this clock; default 00:05:00).");
        }

        if (options.RecordedIdCacheSize is < 0 or > LargestRecordedIdCache)
        {
            failures.Add($"Notifications:RecordedIdCacheSize must be between 0 (off) and {LargestRecordedIdCache} (default 100000).");
        }

        // Compared with TemporalTimeout only when that one is valid: one mistake, one message.
        if (options.DuplicateQueryTimeout is { } queryTimeout
            && (queryTimeout <= TimeSpan.Zero || (options.TemporalTimeout > TimeSpan.Zero && queryTimeout >= options.TemporalTimeout)))
        {
            failures.Add("Notifications:DuplicateQueryTimeout must be positive and shorter than Notifications:TemporalTimeout (default: 1 s, at most half of it), so the signal still has time.");
        }

        if (options.TemporalTimeout <= TimeSpan.Zero || options.TemporalTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add("Notifications:TemporalTimeout must be positive and at most one minute (default 00:00:05).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
