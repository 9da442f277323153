using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Tests.Simulator;

/// <summary>A request signed by OpenSSL (not by our code) for a merchant registered through the control API; the answer
/// verified by OpenSSL too. Proves the simulator speaks the documented recipe, not just our own implementation of it.</summary>
public sealed class SimulatorOpenSslTests : IDisposable
{
    private const string ClientId = "OPENSSL_MERCHANT";
    private readonly string dir = Directory.CreateTempSubdirectory("cw-sim-openssl-").FullName;

    [Fact]
    public async Task Cancel_OpenSslSignedRequestForRegisteredMerchant_AnswersSAndOpenSslVerifiesTheAnswer()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await RegisterOpenSslMerchantAsync(sim);
        var id = SimulatorHarness.NewId("openssl");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow) with { ClientId = ClientId });

        var (response, raw) = await SendOpenSslSignedAsync(sim, AntomPaths.Cancel, $"{{\"paymentRequestId\":\"{id}\"}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = AntomJson.Deserialize<CancelResponse>(raw)!;
        Assert.Equal(("S", "SUCCESS"), (answer.Result.ResultStatus, answer.Result.ResultCode));
        Assert.Contains("+08:00\"", Encoding.UTF8.GetString(raw), StringComparison.Ordinal); // written as Antom writes it, not \u002B
        Assert.Equal(1, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);
        Assert.Contains("Verified OK", await VerifyWithOpenSslAsync(sim, AntomPaths.Cancel, response, raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refund_RF1_OpenSslSignedRequest_RefundsOnce_AndOpenSslVerifiesTheAnswer()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await RegisterOpenSslMerchantAsync(sim);
        var id = SimulatorHarness.NewId("openssl-refund");
        var created = await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClientId = ClientId });
        var body = $"{{\"refundRequestId\":\"rr-{id}\",\"paymentId\":\"{created.PaymentId}\",\"refundAmount\":{{\"currency\":\"USD\",\"value\":\"300\"}}}}";

        var (response, raw) = await SendOpenSslSignedAsync(sim, AntomPaths.Refund, body);
        var (_, again) = await SendOpenSslSignedAsync(sim, AntomPaths.Refund, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = AntomJson.Deserialize<RefundResponse>(raw)!;
        Assert.Equal(("S", "SUCCESS", "rr-" + id, created.PaymentId, "300"), (answer.Result.ResultStatus, answer.Result.ResultCode, answer.RefundRequestId, answer.PaymentId, answer.RefundAmount?.Value));
        Assert.Equal(answer.RefundId, AntomJson.Deserialize<RefundResponse>(again)!.RefundId);
        Assert.Contains("Verified OK", await VerifyWithOpenSslAsync(sim, AntomPaths.Refund, response, raw), StringComparison.Ordinal);
        var view = (await sim.Control.GetPaymentAsync(id))!;
        Assert.Equal((1, "300"), (view.EffectiveRefunds, view.RefundedTotal.Value));
    }

    [Fact]
    public async Task Refund_RF1_OpenSslSignedRequestNamingPaymentRequestIdOnly_ParamIllegal()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await RegisterOpenSslMerchantAsync(sim);
        var id = SimulatorHarness.NewId("openssl-refund-prid");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Paid(DateTimeOffset.UtcNow.AddMinutes(-5)) with { ClientId = ClientId });

        var (_, raw) = await SendOpenSslSignedAsync(sim, AntomPaths.Refund, $"{{\"refundRequestId\":\"rr-{id}\",\"paymentRequestId\":\"{id}\",\"refundAmount\":{{\"currency\":\"USD\",\"value\":\"300\"}}}}");

        var answer = AntomJson.Deserialize<RefundResponse>(raw)!;
        Assert.Equal(("F", "PARAM_ILLEGAL"), (answer.Result.ResultStatus, answer.Result.ResultCode));
        Assert.Contains("paymentId", answer.Result.ResultMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await sim.Control.GetPaymentAsync(id))!.EffectiveRefunds);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private async Task RegisterOpenSslMerchantAsync(SimulatorHarness sim)
    {
        var key = Path.Combine(dir, "merchant.pem");
        var pub = Path.Combine(dir, "merchant-public.pem");
        await OpenSslAsync("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
        await OpenSslAsync("pkey", "-in", key, "-pubout", "-out", pub);
        await sim.Control.TrustMerchantAsync(ClientId, await File.ReadAllTextAsync(pub));
    }

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/>, signed by <c>openssl dgst -sign</c> with the merchant key.</summary>
    private async Task<(HttpResponseMessage Response, byte[] Raw)> SendOpenSslSignedAsync(SimulatorHarness sim, string path, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var requestTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var content = Path.Combine(dir, "request.txt");
        await File.WriteAllBytesAsync(content, AntomSignature.Content(path, ClientId, requestTime, body));
        var signatureFile = Path.Combine(dir, "request.sig");
        await OpenSslAsync("dgst", "-sha256", "-sign", Path.Combine(dir, "merchant.pem"), "-out", signatureFile, content);
        var signature = WebUtility.UrlEncode(Convert.ToBase64String(await File.ReadAllBytesAsync(signatureFile)));

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("client-id", ClientId);
        request.Headers.TryAddWithoutValidation("request-time", requestTime);
        request.Headers.TryAddWithoutValidation("signature", $"algorithm=RSA256,keyVersion=1,signature={signature}");
        var response = await sim.Raw().SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The answer, checked by <c>openssl dgst -verify</c> with the key served at /sim/v1/keys/antom-public.pem.</summary>
    private async Task<string> VerifyWithOpenSslAsync(SimulatorHarness sim, string path, HttpResponseMessage response, byte[] raw)
    {
        var responseTime = response.Headers.GetValues("response-time").Single();
        var answerSignature = AntomSignature.ExtractSignature(response.Headers.GetValues("signature").Single())!;
        var antomPub = Path.Combine(dir, "antom-public.pem");
        await File.WriteAllTextAsync(antomPub, await sim.Control.GetAntomPublicKeyPemAsync());
        var answerContent = Path.Combine(dir, "answer.txt");
        await File.WriteAllBytesAsync(answerContent, AntomSignature.Content(path, ClientId, responseTime, raw));
        var answerSig = Path.Combine(dir, "answer.sig");
        await File.WriteAllBytesAsync(answerSig, Convert.FromBase64String(WebUtility.UrlDecode(answerSignature)));
        return await OpenSslAsync("dgst", "-sha256", "-verify", antomPub, "-signature", answerSig, answerContent);
    }

    private static async Task<string> OpenSslAsync(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start (it must be on PATH)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }
}
