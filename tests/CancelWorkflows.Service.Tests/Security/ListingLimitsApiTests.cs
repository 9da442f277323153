using System.Net;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Security;

/// <summary>
/// The listing goes to Temporal's visibility store as a query: no filter value can change its shape (each injection attempt
/// is refused, 400 naming it), a plain caller's own name is quoted into it correctly even with a quote in it, and a page
/// is at most <see cref="CancellationListFilter.MaxPageSize"/> items.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListingLimitsApiTests(ApiDevMode api)
{
    private const string Injection = "x' OR '1'='1";

    public static TheoryData<string, string> InjectionInEveryFilter()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "outcome", "escalated", "lateSuccess", "merchant", "from", "to", "pageSize" })
        {
            data.Add(field, Injection);
            data.Add(field, "Cancelled\") OR (WorkflowType != \"x");
        }

        data.Add("pageToken", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Injection)));
        data.Add("pageToken", Injection);
        return data;
    }

    [Theory]
    [MemberData(nameof(InjectionInEveryFilter))]
    public async Task List_InjectionAttemptInAFilter_400NamingIt(string field, string value)
    {
        using var response = await api.Booking.GetAsync($"v1/cancellations?{field}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadObjectAsync()).FieldErrors().Keys);
    }

    [Theory]
    [InlineData("201", HttpStatusCode.BadRequest)]
    [InlineData("1000", HttpStatusCode.BadRequest)]
    [InlineData("200", HttpStatusCode.OK)]
    public async Task List_PageSize_AtMost200(string pageSize, HttpStatusCode expected)
    {
        using var response = await api.Support.GetAsync($"v1/cancellations?pageSize={pageSize}&merchant=nobody-{Guid.NewGuid():N}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("1 to 200", Assert.Single((await response.ReadObjectAsync()).FieldErrors()["pageSize"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_CallerWhoseNameHasAQuote_ListsItsOwnOnly()
    {
        using var quoted = api.NewHttp(ApiDevMode.QuotedCallerKey);
        var (merchant, mine, _) = await api.OneEachOfAMerchantAsync(quoted, api.Booking);

        using var listed = await quoted.GetAsync($"v1/cancellations?merchant={merchant}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var item = Assert.Single((await listed.ReadObjectAsync())["items"]!.AsArray());
        Assert.Equal(mine, (string?)item!["paymentRequestId"]);
        Assert.Equal(ApiDevMode.QuotedCaller, (string?)item["requestedBy"]);
    }

    [Fact]
    public async Task VisibilityQuery_HostileCallerName_IsOneValueThatMatchesNothing()
    {
        var (filter, _) = CancellationListFilter.Parse(null, null, null, null, null, null, null, null);
        var query = filter!.ToVisibilityQuery("nobody' OR WorkflowType = 'CancelPaymentWorkflow");

        var found = 0;
        await foreach (var _ in api.Temporal.ListWorkflowsAsync(query))
        {
            found++;
        }

        Assert.Equal(
            "WorkflowType = 'CancelPaymentWorkflow' AND RequestedBy = 'nobody'' OR WorkflowType = ''CancelPaymentWorkflow'",
            query);
        Assert.Equal(0, found);
    }

    [Theory]
    [InlineData("o'hara", "'o''hara'")]
    [InlineData("plain", "'plain'")]
    [InlineData("''", "''''''")]
    public void Literal_QuotesDoubled(string value, string literal) =>
        Assert.Equal(literal, CancellationListFilter.Literal(value));

    [Theory]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public void Literal_BackslashOrControlCharacter_Refused(string value) =>
        Assert.Throws<ArgumentException>(() => CancellationListFilter.Literal(value));
}
