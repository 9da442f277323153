using System.Net;
using System.Text;
using CancelWorkflows.Antom.Wire;
using CancelWorkflows.AntomSimulator;
using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Notifications;
using CancelWorkflows.Workflows.Reconciliation;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>
/// Several Antom merchants over real HTTP, in dev mode (its two simulated merchants, <c>default</c> and <c>brand-b</c>, each
/// with its own client id and key, the simulator holding each payment for its owner): a start names its merchant or its
/// caller's default applies, every call goes out as it, an unknown one starts nothing, a payment id of another merchant's
/// cancellation is refused, and a notification verified for one merchant does not touch the other's cancellation.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SeveralMerchantsApiTests(ApiDevMode api)
{
    [Fact]
    public async Task Start_AntomMerchantBrandB_CancelledWithEveryCallAsBrandB_TheStatusNamesIt()
    {
        var id = await PaidAsync(DevModeSetup.SecondMerchantClientId, TimeSpan.FromMinutes(1));

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id, reason = "booking cancelled", antomMerchant = "brand-b" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.True("Cancelled" == status.Outcome(), status.ToJsonString());
        Assert.Equal("brand-b", (string?)status["antomMerchant"]);
        var payment = (await api.Dev.Simulator.GetPaymentAsync(id))!;
        Assert.Equal(1, payment.EffectiveCancels);
        Assert.Contains(payment.Calls, c => c.Api == "cancel");
        Assert.All(payment.Calls, c => Assert.Equal(DevModeSetup.SecondMerchantClientId, c.ClientId));
    }

    [Fact]
    public async Task Start_NoAntomMerchant_TheDefaultMerchant()
    {
        var id = await PaidAsync(DevModeSetup.MerchantClientId, TimeSpan.FromMinutes(1));

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id });

        var status = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null);
        Assert.True("Cancelled" == status.Outcome(), status.ToJsonString());
        Assert.Equal("default", (string?)status["antomMerchant"]);
        Assert.All((await api.Dev.Simulator.GetPaymentAsync(id))!.Calls, c => Assert.Equal(DevModeSetup.MerchantClientId, c.ClientId));
    }

    [Fact]
    public async Task Start_UnknownAntomMerchant_Is400NamingIt_AndStartsNothing()
    {
        var id = CancellationApiCalls.NewPaymentRequestId();

        using var response = await api.Booking.StartAsync(new { paymentRequestId = id, antomMerchant = "brand-z" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Contains("brand-z", (string?)problem["errors"]!["antomMerchant"]![0], StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() => api.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync());
        Assert.Equal(RpcException.StatusCode.NotFound, missing.Code);
    }

    [Fact]
    public async Task Start_CallersDefaults_MerchantAndRefundFallbackApply_TheStatusSaysWhereTheFallbackCameFrom()
    {
        using var brandShop = api.NewHttp(ApiDevMode.BrandShopKey);
        var byDefault = await PaidAsync(DevModeSetup.SecondMerchantClientId, TimeSpan.FromDays(2));
        var spelledOut = await PaidAsync(DevModeSetup.SecondMerchantClientId, TimeSpan.FromDays(2));

        using var first = await brandShop.StartAsync(new { paymentRequestId = byDefault, reason = "too late to cancel" });
        using var second = await brandShop.StartAsync(new { paymentRequestId = spelledOut, fallback = "none" });

        var refunded = await brandShop.StatusWhenAsync(byDefault, s => s.Outcome() is not null);
        Assert.True("Refunded" == refunded.Outcome(), refunded.ToJsonString());
        Assert.Equal(("brand-b", "refund", "caller"), ((string?)refunded["antomMerchant"], (string?)refunded["fallback"], (string?)refunded["fallbackSource"]));
        var payment = (await api.Dev.Simulator.GetPaymentAsync(byDefault))!;
        Assert.Equal(1, payment.EffectiveRefunds);
        Assert.All(payment.Calls, c => Assert.Equal(DevModeSetup.SecondMerchantClientId, c.ClientId));
        var notCancellable = await brandShop.StatusWhenAsync(spelledOut, s => s.Outcome() is not null);
        Assert.True("NotCancellable" == notCancellable.Outcome(), notCancellable.ToJsonString());
        Assert.Equal(("none", "request"), ((string?)notCancellable["fallback"], (string?)notCancellable["fallbackSource"]));
        Assert.Equal(0, (await api.Dev.Simulator.GetPaymentAsync(spelledOut))!.EffectiveRefunds);
    }

    [Fact]
    public async Task Start_ThePaymentIdOfAnotherMerchantsCancellation_Is409AndStartsNothing()
    {
        var id = await PaidAsync(DevModeSetup.MerchantClientId, TimeSpan.FromMinutes(1));
        using var first = await api.Booking.StartAsync(new { paymentRequestId = id });
        var before = await api.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync();

        using var second = await api.Booking.StartAsync(new { paymentRequestId = id, antomMerchant = "brand-b" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("urn:cancelworkflows:problem:payment-id-of-another-merchant", (string?)(await second.ReadObjectAsync())["type"]);
        var after = await api.Temporal.GetWorkflowHandle($"cancel-{id}").DescribeAsync();
        Assert.Equal(before.RunId, after.RunId);
    }

    [Fact]
    public async Task Notification_VerifiedForTheDefaultMerchant_CannotTouchBrandBsClosedCancellation_BrandBsOwnIsReconciled()
    {
        var id = await PaidAsync(DevModeSetup.SecondMerchantClientId, TimeSpan.FromMinutes(1));
        using var start = await api.Booking.StartAsync(new { paymentRequestId = id, antomMerchant = "brand-b" });
        var cancelled = await api.Booking.StatusWhenAsync(id, s => s.Outcome() is not null && (bool?)s["completed"] == true);
        Assert.True("Cancelled" == cancelled.Outcome(), cancelled.ToJsonString());
        var antomKey = Path.Combine(api.Dev.DataDir, "keys", "antom-private.pem");
        var body = Success(id);

        // Antom's key, the default merchant's client id: authentic, but about the default merchant's payment of that id.
        using (var asDefault = new NotificationPoster(api.ApiBase, AntomSigner.FromPemFile(antomKey, DevModeSetup.MerchantClientId)))
        {
            Assert.True((await asDefault.PostSignedAsync(body)).IsExactAcknowledgement);
        }

        var reconciliation = api.Temporal.GetWorkflowHandle(ReconciliationWorkflowIds.For(id, null));
        var none = await Assert.ThrowsAsync<RpcException>(() => reconciliation.DescribeAsync());
        Assert.Equal(RpcException.StatusCode.NotFound, none.Code);

        using (var asBrandB = new NotificationPoster(api.ApiBase, AntomSigner.FromPemFile(antomKey, DevModeSetup.SecondMerchantClientId)))
        {
            Assert.True((await asBrandB.PostSignedAsync(body)).IsExactAcknowledgement);
        }

        var started = await reconciliation.DescribeAsync();
        Assert.NotNull(started.RunId);
    }

    private static byte[] Success(string paymentRequestId) => Encoding.UTF8.GetBytes(
        "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
        + $"\"paymentRequestId\":\"{paymentRequestId}\",\"paymentId\":\"{paymentRequestId}-p\","
        + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},\"paymentTime\":\"2026-03-10T12:01:00+08:00\",\"paymentMethodType\":\"ALIPAY_CN\"}");

    /// <summary>An ALIPAY_CN payment of <paramref name="owner"/> paid <paramref name="paidAgo"/> ago (a minute: inside W5;
    /// two days: past it, inside the refund period).</summary>
    private async Task<string> PaidAsync(string owner, TimeSpan paidAgo)
    {
        var id = CancellationApiCalls.NewPaymentRequestId();
        var paidAt = DateTimeOffset.UtcNow - paidAgo;
        await api.Dev.Simulator.PutPaymentAsync(id, new SimPaymentInput
        {
            ClientId = owner,
            PaymentMethodType = "ALIPAY_CN",
            PaymentStatus = "SUCCESS",
            PaymentAmount = new AntomAmount("USD", "1000"),
            CreateTime = paidAt.AddMinutes(-1),
            PaymentTime = paidAt,
        });
        return id;
    }
}
