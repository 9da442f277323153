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
        var key = Path.Combine(dir, "merchant.pem");
        var pub = Path.Combine(dir, "merchant-public.pem");
        await OpenSslAsync("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
        await OpenSslAsync("pkey", "-in", key, "-pubout", "-out", pub);
        await sim.Control.TrustMerchantAsync(ClientId, await File.ReadAllTextAsync(pub));
        var id = SimulatorHarness.NewId("openssl");
        await sim.Control.PutPaymentAsync(id, SimulatorHarness.Unpaid(DateTimeOffset.UtcNow));

        const string path = "/ams/api/v1/payments/cancel";
        var body = Encoding.UTF8.GetBytes($"{{\"paymentRequestId\":\"{id}\"}}");
        var requestTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var content = Path.Combine(dir, "request.txt");
        await File.WriteAllBytesAsync(content, AntomSignature.Content(path, ClientId, requestTime, body));
        var signatureFile = Path.Combine(dir, "request.sig");
        await OpenSslAsync("dgst", "-sha256", "-sign", key, "-out", signatureFile, content);
        var signature = WebUtility.UrlEncode(Convert.ToBase64String(await File.ReadAllBytesAsync(signatureFile)));

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");
        request.Headers.TryAddWithoutValidation("client-id", ClientId);
        request.Headers.TryAddWithoutValidation("request-time", requestTime);
        request.Headers.TryAddWithoutValidation("signature", $"algorithm=RSA256,keyVersion=1,signature={signature}");
        using var response = await sim.Raw().SendAsync(request);
        var raw = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = AntomJson.Deserialize<CancelResponse>(raw)!;
        Assert.Equal(("S", "SUCCESS"), (answer.Result.ResultStatus, answer.Result.ResultCode));
        Assert.Contains("+08:00\"", Encoding.UTF8.GetString(raw), StringComparison.Ordinal); // written as Antom writes it, not \u002B
        Assert.Equal(1, (await sim.Control.GetPaymentAsync(id))!.EffectiveCancels);

        // The answer, checked by OpenSSL with the key served at /sim/v1/keys/antom-public.pem.
        var responseTime = response.Headers.GetValues("response-time").Single();
        var answerSignature = AntomSignature.ExtractSignature(response.Headers.GetValues("signature").Single())!;
        var antomPub = Path.Combine(dir, "antom-public.pem");
        await File.WriteAllTextAsync(antomPub, await sim.Control.GetAntomPublicKeyPemAsync());
        var answerContent = Path.Combine(dir, "answer.txt");
        await File.WriteAllBytesAsync(answerContent, AntomSignature.Content(path, ClientId, responseTime, raw));
        var answerSig = Path.Combine(dir, "answer.sig");
        await File.WriteAllBytesAsync(answerSig, Convert.FromBase64String(WebUtility.UrlDecode(answerSignature)));
        var verified = await OpenSslAsync("dgst", "-sha256", "-verify", antomPub, "-signature", answerSig, answerContent);
        Assert.Contains("Verified OK", verified, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

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
