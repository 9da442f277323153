using System.Security.Cryptography;
using System.Text;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Tests.Support;
using CancelWorkflows.Antom.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Tests;

/// <summary>
/// Antom's key rotation: while a merchant has two of Antom's public keys configured (<c>AntomPublicKeyPath</c> and
/// <c>AntomPublicKeyNextPath</c>), answers and notifications signed with either verify, and one signed with any other key
/// does not. Without the next key, Antom's new key is refused.
/// </summary>
public sealed class AntomKeyRotationTests : IDisposable
{
    private const string NotifyPath = "/v1/antom/notifications";
    private const string ClientId = "2188120000000001";
    private const string OtherClientId = "2188120000000002";
    private static readonly DateTimeOffset Now = new(2025, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"pr-1\"}");

    // The key Antom signs with until the rotation (the "old" one) and the one it signs with after (the test Antom key).
    private readonly RSA oldAntomPrivate = AntomKeys.Generate();
    private readonly RSA newAntomPrivate = TestKeys.Import(TestKeys.AntomPrivatePem);
    private readonly RSA strangerPrivate = TestKeys.Import(TestKeys.StrangerPrivatePem);

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public void Verify_DuringARotation_BothOfAntomsKeysVerify(string signedWith)
    {
        var verdict = RotatingVerifier().Verify(NotifyPath, ClientId, Time, Sign(signedWith == "old" ? oldAntomPrivate : newAntomPrivate, ClientId), Body);

        Assert.True(verdict.Valid, verdict.Reason);
        Assert.Equal(ClientId, verdict.ClientId);
    }

    [Fact]
    public void Verify_DuringARotation_AThirdKeyDoesNot()
    {
        var verdict = RotatingVerifier().Verify(NotifyPath, ClientId, Time, Sign(strangerPrivate, ClientId), Body);

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_WithoutARotation_TheNewKeysSignatureIsRefused()
    {
        using var oldPublic = Public(oldAntomPrivate);
        var verifier = new AntomNotificationVerifier(oldPublic, ClientId, new FixedTimeProvider(Now), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        var verdict = verifier.Verify(NotifyPath, ClientId, Time, Sign(newAntomPrivate, ClientId), Body);

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_TwoMerchants_EachClientIdVerifiesWithItsOwnKeysOnly()
    {
        using var oldPublic = Public(oldAntomPrivate);
        using var newPublic = Public(newAntomPrivate);
        var verifier = new AntomNotificationVerifier(
            new Dictionary<string, IReadOnlyList<RSA>> { [ClientId] = [oldPublic], [OtherClientId] = [newPublic] },
            new FixedTimeProvider(Now),
            TimeSpan.FromMinutes(5),
            TimeSpan.FromMinutes(5));

        Assert.Equal(OtherClientId, verifier.Verify(NotifyPath, OtherClientId, Time, Sign(newAntomPrivate, OtherClientId), Body).ClientId);
        Assert.Equal(NotificationRejection.BadSignature, verifier.Verify(NotifyPath, OtherClientId, Time, Sign(oldAntomPrivate, OtherClientId), Body).Rejection);
        Assert.Equal(NotificationRejection.WrongClientId, verifier.Verify(NotifyPath, "2188120000000003", Time, Sign(oldAntomPrivate, "2188120000000003"), Body).Rejection);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task CancelAsync_AnswerSignedWithAntomsNewKey_VerifiesOnlyDuringARotation(bool rotationConfigured, bool answered)
    {
        // FakeAntom signs its answers with the test Antom key: here Antom's new key.
        await using var antom = await FakeAntom.AnsweringAsync("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}");
        var options = new AntomClientOptions
        {
            GatewayUrl = antom.BaseUrl.ToString(),
            ClientId = ClientId,
            MerchantPrivateKey = TestKeys.MerchantPrivatePem,
            AntomPublicKey = AntomKeys.ExportPublicPem(oldAntomPrivate),
            AntomPublicKeyNext = rotationConfigured ? TestKeys.AntomPublicPem : null,
        };
        using var http = new HttpClient();
        var client = new AntomClient(http, Options.Create(options), TimeProvider.System, NullLogger<AntomClient>.Instance);

        var call = await client.CancelAsync(new CancelRequest(null, "pr-1"));

        Assert.Equal(answered, call.Answered);
        if (!answered)
        {
            Assert.Equal(NoAnswerReason.UnverifiableAnswer, call.NoAnswer);
        }
    }

    [Fact]
    public void Validate_NextKeyUnreadable_RefusedNamingTheNextKeySetting()
    {
        var options = new AntomClientOptions
        {
            GatewayUrl = "https://open-sea-global.alipay.com",
            ClientId = ClientId,
            MerchantPrivateKey = TestKeys.MerchantPrivatePem,
            AntomPublicKey = TestKeys.AntomPublicPem,
            AntomPublicKeyNextPath = "/nonexistent/antom-next.pem",
        };

        var problems = AntomSettingsCheck.ClientProblems(options, "Antom:Merchants:brand-b");

        Assert.Contains(problems, p => p.StartsWith("Antom:Merchants:brand-b:AntomPublicKeyNextPath", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        oldAntomPrivate.Dispose();
        newAntomPrivate.Dispose();
        strangerPrivate.Dispose();
    }

    private static string Time => AntomSignature.RequestTime(Now);

    private static RSA Public(RSA key) => AntomKeys.LoadPublicKey(AntomKeys.ExportPublicPem(key));

    private static string Sign(RSA key, string clientId) => AntomSignature.SignHeader(key, NotifyPath, clientId, Time, Body);

    private AntomNotificationVerifier RotatingVerifier()
    {
        var keys = new Dictionary<string, IReadOnlyList<RSA>> { [ClientId] = [Public(oldAntomPrivate), Public(newAntomPrivate)] };
        return new AntomNotificationVerifier(keys, new FixedTimeProvider(Now), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    }
}
