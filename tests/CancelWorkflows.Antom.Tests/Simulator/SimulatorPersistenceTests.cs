using CancelWorkflows.AntomSimulator;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>A simulator restarted on the same DataDir knows its payments (and whose they are), effective cancels, merchants and key.</summary>
public sealed class SimulatorPersistenceTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "cw-sim-book-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StartAsync_SameDataDirAfterRestart_KeepsPaymentEffectiveCancelsMerchantsAndKey()
    {
        var id = SimulatorHarness.NewId("durable");
        var second = SimulatorHarness.NewPair();
        string publicKey;
        string? cancelTime;
        await using (var first = await SimulatorHarness.StartAsync(Persistent))
        {
            publicKey = first.Server.AntomPublicKeyPem;
            await first.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));
            await first.Control.TrustMerchantAsync("REGISTERED_LATER", second.Public);
            cancelTime = (await first.Client().CancelAsync(SimulatorHarness.Cancel(id))).Answer?.CancelTime;
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "simulator-book.json")));
        Assert.Empty(Directory.GetFiles(dataDir, "*.tmp-*"));

        await using var restarted = await SimulatorHarness.StartAsync(Persistent);
        var view = await restarted.Control.GetPaymentAsync(id);
        var resend = await restarted.Client().CancelAsync(SimulatorHarness.Cancel(id));
        var byLaterMerchant = await restarted.Client(clientId: "REGISTERED_LATER", merchantPrivatePem: second.Private).InquiryPaymentAsync(new(null, id));

        Assert.Equal(publicKey, restarted.Server.AntomPublicKeyPem); // a generated key is kept in the data folder
        Assert.NotNull(view);
        Assert.Equal(("CANCELLED", 1, 1), (view.PaymentStatus, view.EffectiveCancels, view.Calls.Count));
        Assert.Equal(("S", cancelTime), (resend.Answer?.Result.ResultStatus, resend.Answer?.CancelTime));
        // Trusted after the restart (not CLIENT_INVALID or INVALID_SIGNATURE), and the payment still belongs to its own merchant.
        Assert.Equal(("F", "ORDER_NOT_EXIST"), (byLaterMerchant.Answer?.Result.ResultStatus, byLaterMerchant.Answer?.Result.ResultCode));
        Assert.Equal(1, (await restarted.Control.GetPaymentAsync(id))!.EffectiveCancels);
    }

    [Fact]
    public async Task StartAsync_BookWrittenBeforeRefundsAndOwners_LoadsOwnerlessPaymentsThatRefundSynchronously()
    {
        Directory.CreateDirectory(dataDir);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "simulator-book.json"), """
            {"version":1,"merchants":{},"payments":[{"paymentRequestId":"old-1","paymentId":"202601010000000000000000000001",
             "paymentMethodType":"ALIPAY_CN","status":"SUCCESS","amount":{"currency":"USD","value":"1000"},
             "createTime":"2026-01-01T10:00:00+08:00","paymentTime":"2026-01-01T10:00:00+08:00","captured":false,"refunded":false,
             "effectiveCancels":0,"refunds":[{"refundId":"r-0","refundRequestId":"rq-0","refundAmount":{"currency":"USD","value":"100"},
             "refundStatus":"SUCCESS","refundTime":"2026-01-01T11:00:00+08:00","reason":"merchant"}],"calls":[]}]}
            """);
        await using var sim = await SimulatorHarness.StartAsync(Persistent);
        await sim.Control.SetClockAsync(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.FromHours(8)));

        var call = await sim.Client().RefundAsync(SimulatorHarness.Refund("202601010000000000000000000001", "rq-new", "900"));

        Assert.Equal("S", call.Answer?.Result.ResultStatus);
        var view = (await sim.Control.GetPaymentAsync("old-1"))!;
        Assert.Equal(((string?)null, "sync", "1000"), (view.ClientId, view.RefundMode, view.RefundedTotal.Value));
    }

    [Fact]
    public async Task StartAsync_CorruptBook_FailsWithTheFileName()
    {
        Directory.CreateDirectory(dataDir);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "simulator-book.json"), "{ not json");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SimulatorHarness.StartAsync(Persistent));

        Assert.Contains("simulator-book.json", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private void Persistent(SimulatorOptions options)
    {
        options.DataDir = dataDir;
        options.AntomPrivateKeyPem = null; // generated on first start, kept in the data folder
    }
}
