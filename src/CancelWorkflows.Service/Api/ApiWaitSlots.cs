using System.Threading.RateLimiting;
using CancelWorkflows.Service.Configuration;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// Bounds how many starts wait for their outcome (<c>?wait</c>) at once: <c>Api:Wait:MaxConcurrent</c> in all and
/// <c>Api:Wait:MaxConcurrentPerCaller</c> per caller. A start that finds no slot is answered at once, as with
/// <c>wait=0</c> (a 429 would leave the caller unsure whether the cancellation was started; it was).
/// </summary>
public sealed class ApiWaitSlots : IDisposable
{
    private readonly PartitionedRateLimiter<string>? slots;

    public ApiWaitSlots(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wait = options.Value.Wait;
        if (wait.MaxConcurrent == 0 || wait.MaxConcurrentPerCaller == 0)
        {
            return;
        }

        var perCaller = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(
            caller, _ => new ConcurrencyLimiterOptions { PermitLimit = wait.MaxConcurrentPerCaller, QueueLimit = 0 }));
        var all = PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetConcurrencyLimiter(
            string.Empty, _ => new ConcurrencyLimiterOptions { PermitLimit = wait.MaxConcurrent, QueueLimit = 0 }));
        slots = PartitionedRateLimiter.CreateChained(perCaller, all);
    }

    /// <summary>A slot to wait in (dispose it when done), or null when every slot is taken.</summary>
    public IDisposable? TryTake(string caller)
    {
        if (slots is null)
        {
            return null;
        }

        var lease = slots.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => slots?.Dispose();
}
