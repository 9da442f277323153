using System.Globalization;
using System.Threading.RateLimiting;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Configuration;
using CancelWorkflows.Service.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The rate limit of the API (ASP.NET Core's rate limiter): a token bucket per authenticated caller
/// (<c>Api:RateLimit:PermitsPerSecond</c> refill, <c>Burst</c> size), on the routes that carry <see cref="PolicyName"/>.
/// It runs after authentication and authorization, so refused keys never spend a caller's permits. A request over the
/// limit gets 429 with <c>Retry-After</c> and a problem, and nothing happens. Antom's notifications are never limited:
/// Antom must not be refused for load it did not cause.
/// </summary>
public sealed class ApiRateLimits
{
    public const string PolicyName = "per-caller";

    public ApiRateLimits(IOptions<ApiOptions> options, ServiceMode mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mode);
        var (permitsPerSecond, burst) = options.Value.RateLimit.Effective(mode.IsDevMode);

        // Refill about ten times a second (whole tokens, never more than the bucket holds), so the rate is exact and smooth.
        var tokens = Math.Clamp((int)Math.Round(permitsPerSecond / 10), 1, burst);
        Bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / permitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public TokenBucketRateLimiterOptions Bucket { get; }

    public static void Add(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(
            context.User.Identity?.Name ?? string.Empty,
            _ => context.RequestServices.GetRequiredService<ApiRateLimits>().Bucket));
        options.OnRejected = RejectAsync;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var bucket = http.RequestServices.GetRequiredService<ApiRateLimits>().Bucket;
        var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : bucket.ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many requests from this API key",
                Detail = $"Nothing was done. Retry after {seconds} s (Retry-After); the limit is Api:RateLimit:PermitsPerSecond " +
                    $"sustained, Api:RateLimit:Burst ({bucket.TokenLimit}) at once, per caller.",
            },
        });
    }
}
