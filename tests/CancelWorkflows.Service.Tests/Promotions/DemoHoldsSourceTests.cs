using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Promotions;

/// <summary>Dev mode's demo holds source (<c>GET /demo/holds</c>): pages of demo holds that exist in the simulator.</summary>
[Collection(PromotionDevModeCollection.Name)]
public sealed class DemoHoldsSourceTests(PromotionDevMode devMode)
{
    [Fact]
    public async Task DemoPromotion_ThreePagesOfHolds_EachInTheSimulatorUnpaidButTheLastPaid()
    {
        var promoId = PromotionApiCalls.NewPromoId("demo");
        using var http = new HttpClient { BaseAddress = devMode.Dev.Api.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BookingHoldsSource.Token);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var response = await http.GetAsync($"demo/holds?promoId={promoId}" + (token is null ? string.Empty : $"&pageToken={token}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadObjectAsync();
            ids.AddRange(((JsonArray)page["holds"]!).Select(h => (string)h!["paymentRequestId"]!));
            token = (string?)page["nextPageToken"];
            pages++;
        }
        while (token is not null);

        Assert.Equal((3, 10), (pages, ids.Count));
        foreach (var id in ids.SkipLast(1))
        {
            Assert.Equal("PROCESSING", (await devMode.Dev.Simulator.GetPaymentAsync(id))!.PaymentStatus);
        }

        Assert.Equal("SUCCESS", (await devMode.Dev.Simulator.GetPaymentAsync(ids[^1]))!.PaymentStatus);
    }

    [Fact]
    public async Task WithoutTheToken_401()
    {
        using var http = new HttpClient { BaseAddress = devMode.Dev.Api.BaseAddress };

        using var response = await http.GetAsync("demo/holds?promoId=demo-x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
