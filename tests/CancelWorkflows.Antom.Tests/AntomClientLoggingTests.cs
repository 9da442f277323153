using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Tests.Support;
using CancelWorkflows.Antom.Wire;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.Antom.Tests;

/// <summary>One structured line per call — path, ids, outcome, elapsed — and never a key or a signature.</summary>
public sealed class AntomClientLoggingTests
{
    [Fact]
    public async Task CancelAsync_Answered_LogsOneLineWithPathIdsStatusAndCode()
    {
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"ORDER_NOT_EXIST\",\"resultStatus\":\"F\"}}");
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);

        await client.CancelAsync(new CancelRequest("pid-42", "pr-42"));

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("cancel", line.Properties["Operation"]);
        Assert.Equal("/ams/api/v1/payments/cancel", line.Properties["Path"]);
        Assert.Equal("F", line.Properties["ResultStatus"]);
        Assert.Equal("ORDER_NOT_EXIST", line.Properties["ResultCode"]);
        Assert.True(line.Properties.ContainsKey("ElapsedMs"));
        Assert.Contains("paymentRequestId=pr-42", line.Message, StringComparison.Ordinal);
        Assert.Contains("paymentId=pid-42", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_AnsweredU_LogsWarning()
    {
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\"}}");
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);

        await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Lines).Level);
    }

    [Fact]
    public async Task CancelAsync_NoAnswer_LogsOneWarningWithReason()
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) =>
            fake.AnswerAsync(context, request, "{}", signWith: TestKeys.StrangerPrivatePem));
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);

        await client.InquiryRefundAsync(new InquiryRefundRequest("rr-1", null));

        var line = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal(NoAnswerReason.UnverifiableAnswer, line.Properties["NoAnswerReason"]);
        Assert.Contains("refundRequestId=rr-1", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_LogsAndDetails_NeverContainSignaturesOrPrivateKey()
    {
        string? answerSignature = null;
        await using var antom = await FakeAntom.StartAsync(async (fake, context, request) =>
        {
            context.Response.OnStarting(() =>
            {
                answerSignature = context.Response.Headers["signature"].ToString();
                return Task.CompletedTask;
            });
            await fake.AnswerAsync(context, request, "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"}}", signedPath: "/elsewhere");
        });
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
        var text = logger.AllText() + call.Detail;
        var requestSignature = Assert.Single(antom.Requests).Signature!;
        Assert.DoesNotContain(Value(requestSignature), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Value(answerSignature!), text, StringComparison.Ordinal);
        var keyLine = TestKeys.MerchantPrivatePem.Split('\n')[1];
        Assert.DoesNotContain(keyLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefundAsync_Answered_LogsTheIdsAndResult_NeverTheSignatureOrKey()
    {
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"REFUND_IN_PROCESS\",\"resultStatus\":\"U\"}}");
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);

        var call = await client.RefundAsync(new RefundRequest("rr-9", "pid-9", new AntomAmount("USD", "100")));

        Assert.True(call.Answered);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("refundRequestId=rr-9 paymentId=pid-9", line.Message, StringComparison.Ordinal);
        Assert.Contains("REFUND_IN_PROCESS", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Value(Assert.Single(antom.Requests).Signature!), logger.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.MerchantPrivatePem.Split('\n')[1], logger.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_CallerCancels_LogsOneLineAndThrows()
    {
        await using var antom = await FakeAntom.StartAsync((_, context, _) => FakeAntom.StallAsync(context, TimeSpan.FromSeconds(30)));
        var logger = new ListLogger<AntomClient>();
        var client = ClientFactory.Create(antom.BaseUrl, logger: logger);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CancelAsync(new CancelRequest(null, "pr-1"), caller.Token));

        Assert.Contains("caller cancelled", Assert.Single(logger.Lines).Message, StringComparison.Ordinal);
    }

    private static string Value(string header) => header[(header.IndexOf("signature=", StringComparison.Ordinal) + "signature=".Length)..];
}
