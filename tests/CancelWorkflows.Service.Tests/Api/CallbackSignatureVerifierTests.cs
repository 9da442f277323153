using System.Globalization;
using System.Text;
using CancelWorkflows.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Workflows.Activities;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>The worker's signer and the client's verifier agree; tampering, old timestamps and wrong secrets fail.</summary>
public sealed class CallbackSignatureVerifierTests
{
    private const string Secret = "a-secret-of-enough-length";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"outcome","workflowId":"cancel-pr-1"}""");
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsValid_SignedByTheWorker_True() =>
        Assert.True(CallbackSignatureVerifier.IsValid(CallbackSignature.HeaderValue(Secret, Now, Body), Body, Secret, now: Now.AddSeconds(30)));

    [Fact]
    public void HeaderValue_KnownVector_TimestampAndHmacOfTimestampDotBody()
    {
        var header = CallbackSignature.HeaderValue("key", DateTimeOffset.FromUnixTimeSeconds(1700000000), Encoding.UTF8.GetBytes("{}"));

        // printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac key
        Assert.Equal("t=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae", header);
    }

    [Fact]
    public void IsValid_BodyChanged_False()
    {
        var header = CallbackSignature.HeaderValue(Secret, Now, Body);
        var tampered = Encoding.UTF8.GetBytes("""{"event":"outcome","workflowId":"cancel-pr-2"}""");

        Assert.False(CallbackSignatureVerifier.IsValid(header, tampered, Secret, now: Now));
    }

    [Fact]
    public void IsValid_TimestampChanged_False()
    {
        var header = CallbackSignature.HeaderValue(Secret, Now, Body)
            .Replace(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), (Now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        Assert.False(CallbackSignatureVerifier.IsValid(header, Body, Secret, now: Now));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void IsValid_OutsideTheTolerance_False(int secondsLater) =>
        Assert.False(CallbackSignatureVerifier.IsValid(CallbackSignature.HeaderValue(Secret, Now, Body), Body, Secret, now: Now.AddSeconds(secondsLater)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=abc")]
    public void IsValid_Malformed_False(string? header) =>
        Assert.False(CallbackSignatureVerifier.IsValid(header, Body, Secret, now: Now));

    [Fact]
    public void IsValid_WrongSecret_False() =>
        Assert.False(CallbackSignatureVerifier.IsValid(CallbackSignature.HeaderValue(Secret, Now, Body), Body, "another-secret-entirely", now: Now));
}
