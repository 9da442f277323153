using System.Diagnostics;
using System.Net;
using System.Text;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// Abuse limits on the real service: a caller over its rate limit gets 429 with <c>Retry-After</c> (other callers and
/// Antom's notifications do not notice), the typed client rides it out, and a start beyond the bound on waiting starts is
/// answered at once as with <c>wait=0</c>: started all the same.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class LimitsApiTests(LimitsDevMode limits)
{
    /// <summary>A request the API refuses (400) before asking Temporal: it costs nothing but a permit.</summary>
    private const string CheapRequest = "v1/cancellations/pr-1?by=nothing";

    [Fact]
    public async Task RateLimit_CallerOverItsBurst_429ProblemWithRetryAfterOthersAndAntomUnaffected()
    {
        using var greedy = limits.As("greedy");
        using var bystander = limits.As("bystander");
        using var antom = limits.As(null);
        antom.DefaultRequestHeaders.Authorization = greedy.DefaultRequestHeaders.Authorization;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;

        // Burst + 1 per second: far more than that in a few seconds must meet the limit.
        for (var i = 0; i < 3 * LimitsDevMode.Burst && limited is null; i++)
        {
            var response = await greedy.GetAsync(CheapRequest);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var afterwards = await bystander.GetAsync(CheapRequest);
        var notifications = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * LimitsDevMode.Burst; i++)
        {
            using var content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var notification = await antom.PostAsync("v1/antom/notifications", content);
            notifications.Add(notification.StatusCode);
        }

        Assert.True(limited is not null, $"never limited: {string.Join(",", statuses)}");
        using (limited)
        {
            Assert.True(statuses.Count > LimitsDevMode.Burst, $"limited within the burst: {string.Join(",", statuses)}");
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.Equal("urn:cancelworkflows:problem:rate-limited", (string?)(await limited.ReadObjectAsync())["type"]);
            Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        }

        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode);
        Assert.All(notifications, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task RateLimit_TypedClient_WaitsRetryAfterAndGetsItsAnswers()
    {
        var seen = new StatusRecorder();
        using var http = new HttpClient(seen) { Timeout = TimeSpan.FromSeconds(90) };
        using var client = new CancelWorkflowsClient(http, new CancelWorkflowsClientOptions { BaseAddress = limits.ApiBase, ApiKey = LimitsDevMode.KeyOf("patient") });

        for (var i = 0; i < LimitsDevMode.Burst + 3; i++)
        {
            Assert.Null(await client.GetAsync("never-heard-of-" + i));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, seen.Statuses);
    }

    [Fact]
    public async Task Wait_BeyondTheBounds_AnsweredAtOnceAsWaitZeroAndStartedAllTheSame()
    {
        using var booking = limits.As("booking");
        using var ticketing = limits.As("ticketing");
        using var late = limits.As("late");
        using var watcher = limits.As("watcher");
        var (a, b, c, d) = (NewId(), NewId(), NewId(), NewId());
        foreach (var id in new[] { a, b, c, d })
        {
            await limits.Dev.PaidCardAnsweringUAsync(id, 1); // undecided for a minute (the first retry delay)
        }

        // booking waits on a: its one slot (and one of the two in all). The waits are short, but each is several times
        // what the starts between them take, so a start that found a slot would wait visibly longer than one that did not.
        var holding = TimedStartAsync(booking, a, wait: 12);
        await StartedAsync(watcher, a);

        // booking again: its slot is taken, so no wait.
        var second = await TimedStartAsync(booking, b, wait: 12);

        // ticketing has a slot of its own: the second of all; then late finds none left.
        var other = TimedStartAsync(ticketing, c, wait: 8);
        await StartedAsync(watcher, c);
        var third = await TimedStartAsync(late, d, wait: 12);

        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(5), $"the caller's second wait took {second.Elapsed}");
        Assert.Equal(HttpStatusCode.Accepted, third.Status);
        Assert.True(third.Elapsed < TimeSpan.FromSeconds(5), $"a wait beyond the global bound took {third.Elapsed}");
        var waited = await other;
        Assert.Equal(HttpStatusCode.Accepted, waited.Status);
        Assert.True(waited.Elapsed > TimeSpan.FromSeconds(6), $"a wait within the bounds took only {waited.Elapsed}");
        Assert.True((await holding).Elapsed > TimeSpan.FromSeconds(10));
        foreach (var id in new[] { b, d })
        {
            using var status = await watcher.GetAsync($"v1/cancellations/{id}");
            Assert.Equal(HttpStatusCode.OK, status.StatusCode); // started although not waited on
        }
    }

    private static string NewId() => CancellationApiCalls.NewPaymentRequestId();

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedStartAsync(HttpClient caller, string id, int wait)
    {
        var clock = Stopwatch.StartNew();
        using var response = await caller.StartAsync(new { paymentRequestId = id }, query: $"?wait={wait}");
        return (response.StatusCode, clock.Elapsed);
    }

    /// <summary>Until the workflow exists, then a moment more: its start request has taken its wait slot by then.</summary>
    private static async Task StartedAsync(HttpClient operatorHttp, string id)
    {
        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await operatorHttp.GetAsync($"v1/cancellations/{id}");
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            $"{id} started");
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>Records the status of every answer the client received (its own retries included).</summary>
    private sealed class StatusRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<HttpStatusCode> statuses = new();

        public IReadOnlyList<HttpStatusCode> Statuses => [.. statuses];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Enqueue(response.StatusCode);
            return response;
        }
    }
}
