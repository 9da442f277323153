namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// <c>Api:Wait:*</c>: a start with <c>?wait</c> polls the workflow's <c>Status</c> query (up to 4 times a second) while it
/// waits; these bound how many do so at once. A start beyond a bound is answered at once, as with <c>wait=0</c> (202
/// while undecided): the cancellation is started all the same, and the caller follows its <c>statusUrl</c>.
/// </summary>
public sealed class ApiWaitOptions
{
    /// <summary>100 waits ≈ 400 Status queries a second at worst (all undecided): what a small worker takes in its stride.</summary>
    public const int DefaultMaxConcurrent = 100;

    /// <summary>One caller cannot take every slot: 20 waits are 20 bookings cancelled in the same few seconds.</summary>
    public const int DefaultMaxConcurrentPerCaller = 20;

    /// <summary>Waiting starts at once, all callers together (0: never wait).</summary>
    public int MaxConcurrent { get; set; } = DefaultMaxConcurrent;

    /// <summary>Waiting starts at once of one caller (0: never wait).</summary>
    public int MaxConcurrentPerCaller { get; set; } = DefaultMaxConcurrentPerCaller;
}
