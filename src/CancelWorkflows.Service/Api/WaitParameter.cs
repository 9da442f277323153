using System.Globalization;

namespace CancelWorkflows.Service.Api;

/// <summary><c>?wait=&lt;seconds&gt;</c> of a start: a whole number from 0 to 60.</summary>
public static class WaitParameter
{
    public const int MaxSeconds = 60;

    /// <summary>The wait (zero when absent), or the message of the field error.</summary>
    public static (TimeSpan Wait, string? Problem) Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (TimeSpan.Zero, null);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds
            ? (TimeSpan.FromSeconds(seconds), null)
            : (TimeSpan.Zero, $"A whole number of seconds from 0 to {MaxSeconds}.");
    }
}
