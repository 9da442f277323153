using System.Net;
using System.Text;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Tests.Support;

namespace CancelWorkflows.Antom.Tests;

/// <summary>
/// SHA256withRSA PKCS#1 v1.5 is deterministic: a fixed key and fixed content give one exact signature. The expected
/// value was produced once with <c>openssl dgst -sha256 -sign TestKeys/known-vector-private.pem</c> over the content below.
/// </summary>
public sealed class AntomSignatureKnownVectorTests
{
    private const string Path = "/ams/api/v1/payments/cancel";
    private const string ClientId = "SANDBOX_5YBZ1234TEST";
    private const string Time = "1685599933871";
    private const string Body = "{\"paymentRequestId\":\"pr-known-vector-1\"}";

    private const string ExpectedBase64 =
        "q+r3T0XA1wogR1JI9bAnPmcV2NOJRfo49UUDGW+fMLOGETDRR5iGAIf9NQJE9Vd2QwkTma6IC51abLCK9Rl+6QilTktd1oQuuC+wFtIBV5uvjjmO/9jLw7Zf"
        + "tPhZhcFmB3zt+/uP9v0rQgUGSN5V+MPhEmjL42K7jZyorCFyhKH7PAhdcCNTyrYLSfly2tPlDERDMEl0XwBRQjnZU3OD8Z2bTU43fTCjO3Dca5Q2cTvwy3W7"
        + "MOcPVtgp8hbusUFKAHFwENMbMYL3fkbn+457ZmdI7rgj4fSgpWzCEfK/9QMV7c3mzsSzfujGEid0evVGsb1wS56uxuKSkBxztBzs4A==";

    [Fact]
    public void Content_KnownParts_IsMethodPathNewlineClientTimeBody()
    {
        var content = AntomSignature.Content(Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(
            "POST /ams/api/v1/payments/cancel\nSANDBOX_5YBZ1234TEST.1685599933871.{\"paymentRequestId\":\"pr-known-vector-1\"}",
            Encoding.UTF8.GetString(content));
    }

    [Fact]
    public void Sign_KnownKeyAndContent_ProducesExpectedSignature()
    {
        using var key = AntomKeys.LoadPrivateKeyFile(TestKeys.KnownVectorPrivatePemPath);

        var signature = AntomSignature.Sign(key, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(ExpectedBase64, WebUtility.UrlDecode(signature));
    }

    [Fact]
    public void SignHeader_KnownKeyAndContent_IsUrlEncodedInAntomHeaderFormat()
    {
        using var key = AntomKeys.LoadPrivateKeyFile(TestKeys.KnownVectorPrivatePemPath);

        var header = AntomSignature.SignHeader(key, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body));

        var expectedEncoded = ExpectedBase64.Replace("+", "%2B", StringComparison.Ordinal)
            .Replace("/", "%2F", StringComparison.Ordinal)
            .Replace("=", "%3D", StringComparison.Ordinal);
        Assert.Equal("algorithm=RSA256,keyVersion=1,signature=" + expectedEncoded, header);
    }

    [Fact]
    public void Verify_KnownSignatureWithPublicHalf_IsTrue()
    {
        using var key = AntomKeys.LoadPrivateKeyFile(TestKeys.KnownVectorPrivatePemPath);
        using var publicKey = AntomKeys.LoadPublicKey(AntomKeys.ExportPublicPem(key));

        Assert.True(AntomSignature.Verify(publicKey, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body), WebUtility.UrlEncode(ExpectedBase64)));
    }

    [Theory]
    [InlineData("/ams/sandbox/api/v1/payments/cancel", ClientId, Time, Body)]
    [InlineData(Path, "SANDBOX_5YBZ1234TESU", Time, Body)]
    [InlineData(Path, ClientId, "1685599933872", Body)]
    [InlineData(Path, ClientId, Time, "{\"paymentRequestId\":\"pr-known-vector-2\"}")]
    [InlineData(Path, ClientId, Time, "{\"paymentRequestId\":\"pr-known-vector-1\"} ")]
    public void Verify_KnownSignatureOverChangedContent_IsFalse(string path, string clientId, string time, string body)
    {
        using var key = AntomKeys.LoadPrivateKeyFile(TestKeys.KnownVectorPrivatePemPath);

        Assert.False(AntomSignature.Verify(key, path, clientId, time, Encoding.UTF8.GetBytes(body), WebUtility.UrlEncode(ExpectedBase64)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("algorithm=RSA256,keyVersion=1")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=not-base64!!")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=QUJD")]
    public void Verify_MalformedSignatureHeader_IsFalseNotThrow(string? header)
    {
        using var key = AntomKeys.LoadPrivateKeyFile(TestKeys.KnownVectorPrivatePemPath);

        Assert.False(AntomSignature.Verify(key, Path, ClientId, Time, Encoding.UTF8.GetBytes(Body), header));
    }

    [Theory]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=abc%2B", "abc%2B")]
    [InlineData("signature=abc,keyVersion=2", "abc")]
    [InlineData("abc%3D", "abc%3D")]
    [InlineData("algorithm=RSA256,keyVersion=1", null)]
    public void ExtractSignature_HeaderForms_ReturnsValueAfterSignatureEquals(string header, string? expected) =>
        Assert.Equal(expected, AntomSignature.ExtractSignature(header));

    [Fact]
    public void RequestTime_Instant_IsEpochMilliseconds() =>
        Assert.Equal("1685599933871", AntomSignature.RequestTime(DateTimeOffset.FromUnixTimeMilliseconds(1_685_599_933_871)));
}
