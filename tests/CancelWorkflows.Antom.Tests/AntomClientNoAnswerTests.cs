using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Tests.Support;
using CancelWorkflows.Antom.Wire;
using Microsoft.AspNetCore.Http;

namespace CancelWorkflows.Antom.Tests;

/// <summary>
/// Every way of not getting a usable answer is a <see cref="NoAnswerReason"/> — never an exception, never S or F — except
/// the caller's own cancellation, which throws (docs/antom-api.md §1: no response → resend the same request).
/// </summary>
public sealed class AntomClientNoAnswerTests
{
    private const string Ok = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    [Fact]
    public async Task CancelAsync_ServerSlowerThanTimeout_NoAnswerTimeout()
    {
        await using var antom = await FakeAntom.StartAsync((_, context, _) => FakeAntom.StallAsync(context, TimeSpan.FromSeconds(30)));
        var client = ClientFactory.Create(antom.BaseUrl, timeout: TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.False(call.Answered);
        Assert.Equal(NoAnswerReason.Timeout, call.NoAnswer);
        Assert.Null(call.HttpStatus);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.InRange(call.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CancelAsync_ServerAnswersWithinTimeoutAfterDelay_Answered()
    {
        await using var antom = await FakeAntom.StartAsync(async (fake, context, request) =>
        {
            await Task.Delay(200, context.RequestAborted);
            await fake.AnswerAsync(context, request, Ok);
        });
        var client = ClientFactory.Create(antom.BaseUrl, timeout: TimeSpan.FromSeconds(5));

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.True(call.Answered, call.Detail);
        Assert.True(call.Elapsed >= TimeSpan.FromMilliseconds(150), $"elapsed {call.Elapsed}");
    }

    [Fact]
    public async Task CancelAsync_HttpClientTimeoutShorterThanOurs_StillNoAnswerTimeout()
    {
        await using var antom = await FakeAntom.StartAsync((_, context, _) => FakeAntom.StallAsync(context, TimeSpan.FromSeconds(30)));
        var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = ClientFactory.Create(antom.BaseUrl, timeout: TimeSpan.FromSeconds(20), http: http);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.Timeout, call.NoAnswer);
    }

    [Fact]
    public async Task CancelAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        await using var antom = await FakeAntom.StartAsync((_, context, _) => FakeAntom.StallAsync(context, TimeSpan.FromSeconds(30)));
        var client = ClientFactory.Create(antom.BaseUrl, timeout: TimeSpan.FromSeconds(20));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CancelAsync(new CancelRequest(null, "pr-1"), caller.Token));

        Assert.Equal(caller.Token, e.CancellationToken);
    }

    [Fact]
    public async Task CancelAsync_CallerTokenAlreadyCancelled_ThrowsAndSendsNothing()
    {
        await using var antom = await FakeAntom.AnsweringAsync(Ok);
        var client = ClientFactory.Create(antom.BaseUrl);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CancelAsync(new CancelRequest(null, "pr-1"), new CancellationToken(canceled: true)));

        Assert.Empty(antom.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(202)]
    public async Task CancelAsync_HttpStatusNot200_ServerErrorWithStatusEvenIfBodyIsSignedS(int status)
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) => fake.AnswerAsync(context, request, Ok, status: status));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.False(call.Answered);
        Assert.Equal(NoAnswerReason.ServerError, call.NoAnswer);
        Assert.Equal(status, call.HttpStatus);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_ConnectionAbortedByServer_ConnectionFailed()
    {
        await using var antom = await FakeAntom.StartAsync((_, context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.ConnectionFailed, call.NoAnswer);
        Assert.Null(call.Answer);
    }

    [Fact]
    public async Task CancelAsync_ConnectionAbortedMidBody_ConnectionFailed()
    {
        await using var antom = await FakeAntom.StartAsync(async (_, context, _) =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("{\"result\":{\"resultStatus\":\"S\"", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.ConnectionFailed, call.NoAnswer);
    }

    [Fact]
    public async Task CancelAsync_NothingListening_ConnectionFailed()
    {
        var client = ClientFactory.Create(new Uri($"http://127.0.0.1:{FreePort()}"));

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.ConnectionFailed, call.NoAnswer);
        Assert.Null(call.HttpStatus);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task CancelAsync_AnswerWithoutResponseTimeOrSignature_UnverifiableAnswer(bool responseTime, bool signature)
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) =>
            fake.AnswerAsync(context, request, Ok, includeResponseTime: responseTime, includeSignature: signature));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
        Assert.Equal(200, call.HttpStatus);
    }

    [Fact]
    public async Task CancelAsync_AnswerSignedByAnotherKey_UnverifiableAnswer()
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) =>
            fake.AnswerAsync(context, request, Ok, signWith: TestKeys.StrangerPrivatePem));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
    }

    [Fact]
    public async Task CancelAsync_AnswerBodyChangedAfterSigning_UnverifiableAnswer()
    {
        // An F that became an S on the way must not be believed.
        await using var antom = await FakeAntom.StartAsync((fake, context, request) => fake.AnswerAsync(
            context,
            request,
            "{\"result\":{\"resultCode\":\"ORDER_NOT_EXIST\",\"resultStatus\":\"F\"}}",
            sentBodyOverride: "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"}}"));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
        Assert.Null(call.Answer);
    }

    [Fact]
    public async Task CancelAsync_AnswerSignedForAnotherPath_UnverifiableAnswer()
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) =>
            fake.AnswerAsync(context, request, Ok, signedPath: "/ams/api/v1/payments/inquiryPayment"));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
    }

    [Fact]
    public async Task CancelAsync_AnswerWithGarbledSignatureValue_UnverifiableAnswer()
    {
        await using var antom = await FakeAntom.StartAsync(async (fake, context, request) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["signature"] = "algorithm=RSA256,keyVersion=1,signature=%%%not-base64";
                return Task.CompletedTask;
            });
            await fake.AnswerAsync(context, request, Ok);
        });
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"paymentId\":\"pid-1\"}")]
    [InlineData("{\"result\":{\"resultCode\":\"SUCCESS\"}}")]
    [InlineData("{\"result\":\"S\"}")]
    [InlineData("{\"result\":{\"resultStatus\":\"S\"},\"paymentId\":12345}")]
    public async Task CancelAsync_SignedButUnusableBody_Unparseable(string body)
    {
        await using var antom = await FakeAntom.StartAsync((fake, context, request) => fake.AnswerAsync(context, request, body));
        var client = ClientFactory.Create(antom.BaseUrl);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(NoAnswerReason.Unparseable, call.NoAnswer);
        Assert.Equal(200, call.HttpStatus);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
