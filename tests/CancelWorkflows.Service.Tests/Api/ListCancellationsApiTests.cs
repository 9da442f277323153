using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary><c>GET /v1/cancellations?…</c> through Temporal visibility: each filter, paging, refusals.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListCancellationsApiTests(ApiDevMode api)
{
    [Fact]
    public async Task List_ByMerchant_AllOfItsCancellationsWithTheirFields()
    {
        var set = await api.ListingAsync();

        var items = await ListAsync($"merchant={set.Merchant}");

        Assert.Equal(set.All.Order(), items.Select(i => (string)i["paymentRequestId"]!).Order());
        var item = items.Single(i => (string?)i["paymentRequestId"] == set.AlreadyCancelled);
        Assert.Equal($"cancel-{set.AlreadyCancelled}", (string?)item["workflowId"]);
        Assert.False(string.IsNullOrEmpty((string?)item["runId"]));
        Assert.Equal("AlreadyCancelled", (string?)item["outcome"]);
        Assert.Equal(set.Merchant, (string?)item["merchant"]);
        Assert.Equal("BK-" + set.AlreadyCancelled, (string?)item["bookingRef"]);
        Assert.False((bool)item["escalated"]!);
        Assert.False((bool)item["lateSuccess"]!);
        // The cancel workflow closes at its outcome (no watch window).
        Assert.Equal("Completed", (string?)item["status"]);
        Assert.InRange(DateTimeOffset.Parse((string)item["startTime"]!, CultureInfo.InvariantCulture), set.Before, set.After);
        Assert.InRange(DateTimeOffset.Parse((string)item["closeTime"]!, CultureInfo.InvariantCulture), set.Before, set.After);
    }

    [Theory]
    [InlineData("outcome=Cancelled", "cancelled")]
    [InlineData("outcome=AlreadyCancelled", "already")]
    [InlineData("outcome=Escalated", "escalated")]
    [InlineData("outcome=Rejected", "none")]
    [InlineData("escalated=true", "escalated")]
    [InlineData("escalated=false", "all-but-escalated")]
    [InlineData("lateSuccess=true", "late")]
    [InlineData("lateSuccess=false", "all-but-late")]
    [InlineData("from=BEFORE&to=AFTER", "all")]
    [InlineData("from=AFTER", "none")]
    [InlineData("to=BEFORE", "none")]
    public async Task List_Filter_ExactlyTheMatchingCancellations(string filter, string expected)
    {
        var set = await api.ListingAsync();
        var query = filter
            .Replace("BEFORE", Uri.EscapeDataString(set.Before.ToString("O", CultureInfo.InvariantCulture)), StringComparison.Ordinal)
            .Replace("AFTER", Uri.EscapeDataString(set.After.ToString("O", CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        IEnumerable<string> want = expected switch
        {
            "cancelled" => set.Cancelled,
            "already" => [set.AlreadyCancelled],
            "escalated" => [set.Escalated],
            "all-but-escalated" => set.All.Except([set.Escalated]),
            "late" => [set.LateSuccess],
            "all-but-late" => set.All.Except([set.LateSuccess]),
            "all" => set.All,
            _ => [],
        };

        var items = await ListAsync($"merchant={set.Merchant}&{query}");

        Assert.Equal(want.Order(), items.Select(i => (string)i["paymentRequestId"]!).Order());
    }

    [Fact]
    public async Task List_PagesOfTwo_ThreePagesEveryItemOnce()
    {
        var set = await api.ListingAsync();
        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await PageAsync($"merchant={set.Merchant}&pageSize=2" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token)));
            pages++;
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => (string)i!["paymentRequestId"]!));
            token = (string?)page["nextPageToken"];
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(set.All.Order(), seen.Order());
    }

    [Theory]
    [InlineData("outcome=Bogus", "outcome")]
    [InlineData("outcome=Cancelled'%20OR%20'1'='1", "outcome")]
    [InlineData("escalated=maybe", "escalated")]
    [InlineData("lateSuccess=1", "lateSuccess")]
    [InlineData("merchant=acme'%20OR%20WorkflowType%20=%20'x", "merchant")]
    [InlineData("merchant=a%5Cb", "merchant")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=1001", "pageSize")]
    [InlineData("pageToken=%25%25%25", "pageToken")]
    [InlineData("pageToken=bm90LWEtdG9rZW4", "pageToken")]
    public async Task List_InvalidFilter_400NamingIt(string query, string field)
    {
        var clock = Stopwatch.StartNew();
        using var response = await api.Booking.GetAsync("v1/cancellations?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // At once: a token Temporal cannot read is not retried as if Temporal were down (that held the answer 6-10 s).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the 400 took {clock.Elapsed}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await response.ReadObjectAsync()).FieldErrors().Keys);
    }

    private async Task<JsonObject> PageAsync(string query)
    {
        using var response = await api.Booking.GetAsync("v1/cancellations?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private async Task<List<JsonObject>> ListAsync(string query) =>
        [.. (await PageAsync(query))["items"]!.AsArray().Select(i => i!.AsObject())];
}
