using System.Globalization;
using System.Net.Http.Headers;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>
/// Dev mode as a real process for the API tests, configured as a deployment with two calling services: <c>booking</c>
/// (API key + callback secret) and <c>ticketing</c> (API key, no secret), both plain callers; <c>support</c>, an operator;
/// <c>promoter</c>, a caller that may also manage promotions; <c>o'hara</c>, a plain caller whose name has a quote; and
/// <c>listed</c>, a plain caller called back only at its <c>CallbackHosts</c>; <c>brandshop</c>, a plain caller whose
/// cancellations go out as the second merchant, <c>brand-b</c>, with a refund fallback by default. U-retries after 3 s, 1 s, 1 s, so a U answer
/// keeps a cancellation undecided for 3 s and four of them escalate it within ~6 s; workflows stay open a day after their
/// outcome (far longer than any run of the collection, loaded or not, so the listing tests see them running whatever the
/// test order; the fixture's dev server goes with its data when the collection ends). Plus a Temporal client on its dev server, a callback receiver, and the typed client as <c>booking</c>.
/// </summary>
public sealed class ApiDevMode : IAsyncLifetime
{
    public const string BookingKey = "booking-api-key-for-tests-0001";
    public const string TicketingKey = "ticketing-api-key-for-tests-0002";
    public const string SupportKey = "support-api-key-for-tests-0003";
    public const string PromoterKey = "promoter-api-key-for-tests-0004";
    public const string QuotedCallerKey = "ohara-api-key-for-tests-0005";
    public const string QuotedCaller = "o'hara";
    public const string ListedKey = "listed-api-key-for-tests-0006";

    /// <summary>A plain caller whose cancellations go out as dev mode's second merchant and fall back to a refund unless a
    /// start says otherwise (<c>Api:Callers:brandshop:AntomMerchant</c>, <c>:Fallback</c>).</summary>
    public const string BrandShopKey = "brandshop-api-key-for-tests-0007";

    /// <summary>A plain caller whose callbacks may only go to <c>Api:Callers:listed:CallbackHosts</c>: an internal host
    /// (private network allowed) and the callback receiver.</summary>
    public const string ListedCaller = "listed";
    public const string ListedInternalHost = "booking.internal:8443";
    public const string BookingCallbackSecret = "booking-callback-secret-0123456789";

    /// <summary>How long one U answer keeps a cancellation undecided (the first retry delay).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new("cw-api-");
    private readonly Lock gate = new();
    private DevModeInstance? instance;
    private TemporalClient? temporal;
    private CallbackReceiver? callbacks;
    private Task<ListingDataSet>? listing;

    public DevModeInstance Dev => instance ?? throw new InvalidOperationException("Dev mode not started.");

    public TemporalClient Temporal => temporal ?? throw new InvalidOperationException("Dev mode not started.");

    public CallbackReceiver Callbacks => callbacks ?? throw new InvalidOperationException("Dev mode not started.");

    /// <summary>The API as the <c>booking</c> service.</summary>
    public HttpClient Booking { get; private set; } = null!;

    /// <summary>The API as the <c>ticketing</c> service.</summary>
    public HttpClient Ticketing { get; private set; } = null!;

    /// <summary>The API as <c>support</c>, an operator.</summary>
    public HttpClient Support { get; private set; } = null!;

    /// <summary>The API as <c>promoter</c> (roles: promotions).</summary>
    public HttpClient Promoter { get; private set; } = null!;

    /// <summary>The typed client as the <c>booking</c> service.</summary>
    public CancelWorkflowsClient Client { get; private set; } = null!;

    public Uri ApiBase => new(Dev.Ports.ApiUrl + "/");

    public async Task InitializeAsync()
    {
        callbacks = await CallbackReceiver.StartAsync();
        instance = await DevModeInstance.StartAsync(folder.Path, DevModePorts.Allocate(), new Dictionary<string, string?>
        {
            ["Cancel__WatchWindow"] = "1.00:00:00",
            ["Cancel__RetryDelays__0"] = FirstRetryDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Cancel__RetryDelays__1"] = "00:00:01",
            ["Cancel__RetryDelays__2"] = "00:00:01",
            ["Api__ApiKeys__booking"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(BookingKey)),
            ["Api__ApiKeys__ticketing"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(TicketingKey)),
            ["Api__ApiKeys__support"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(SupportKey)),
            ["Api__ApiKeys__promoter"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(PromoterKey)),
            [$"Api__ApiKeys__{QuotedCaller}"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(QuotedCallerKey)),
            ["Api__Callers__booking__CallbackSecret"] = BookingCallbackSecret,
            ["Api__Callers__support__Roles__0"] = "operator",
            ["Api__Callers__promoter__Roles__0"] = "promotions",
            ["Api__ApiKeys__brandshop"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(BrandShopKey)),
            ["Api__Callers__brandshop__AntomMerchant"] = "brand-b",
            ["Api__Callers__brandshop__Fallback"] = "refund",
            [$"Api__ApiKeys__{ListedCaller}"] = Convert.ToHexStringLower(ApiKeyRegistry.Hash(ListedKey)),
            [$"Api__Callers__{ListedCaller}__CallbackHosts__0"] = ListedInternalHost,
            [$"Api__Callers__{ListedCaller}__CallbackHosts__1"] = new Uri(callbacks.BaseUrl).Authority,
        });
        temporal = await TemporalClient.ConnectAsync(new($"127.0.0.1:{instance.Ports.Temporal}"));
        Booking = NewHttp(BookingKey);
        Ticketing = NewHttp(TicketingKey);
        Support = NewHttp(SupportKey);
        Promoter = NewHttp(PromoterKey);
        Client = new CancelWorkflowsClient(ApiBase, BookingKey);
    }

    /// <summary>An API client with this bearer key (none when null).</summary>
    public HttpClient NewHttp(string? key)
    {
        var http = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(90) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <summary>The cancellations the listing tests filter (made once, shared).</summary>
    public Task<ListingDataSet> ListingAsync()
    {
        lock (gate)
        {
            return listing ??= ListingDataSet.CreateAsync(this);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Booking?.Dispose();
        Ticketing?.Dispose();
        Support?.Dispose();
        Promoter?.Dispose();
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }

        if (callbacks is not null)
        {
            await callbacks.DisposeAsync();
        }

        folder.Dispose();
    }
}
