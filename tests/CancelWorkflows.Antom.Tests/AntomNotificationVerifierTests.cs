using System.Text;
using CancelWorkflows.Antom.Notifications;
using CancelWorkflows.Antom.Signing;
using CancelWorkflows.Antom.Tests.Support;

namespace CancelWorkflows.Antom.Tests;

/// <summary>Notification signatures (docs/antom-api.md §4–§5): Antom signs <c>POST &lt;notify path&gt;\n&lt;client-id&gt;.&lt;request-time&gt;.&lt;body&gt;</c>.</summary>
public sealed class AntomNotificationVerifierTests : IDisposable
{
    private const string NotifyPath = "/v1/antom/notifications";
    private const string ClientId = "2188120000000001";
    private static readonly DateTimeOffset Now = new(2025, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
        + "\"paymentRequestId\":\"pr-1\",\"paymentId\":\"pid-1\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"100\"}}");

    private readonly System.Security.Cryptography.RSA antomPrivate = TestKeys.Import(TestKeys.AntomPrivatePem);
    private readonly System.Security.Cryptography.RSA antomPublic = TestKeys.Import(TestKeys.AntomPublicPem);
    private readonly FixedTimeProvider clock = new(Now);

    [Fact]
    public void Verify_SignedByAntomEpochMsTime_Valid()
    {
        var time = AntomSignature.RequestTime(Now.AddSeconds(-30));

        var verdict = Verifier().Verify(NotifyPath, ClientId, time, Sign(time), Body);

        Assert.True(verdict.Valid, verdict.Reason);
        Assert.Null(verdict.Rejection);
    }

    [Theory]
    [InlineData("2025-11-26T17:59:30+08:00")]
    [InlineData("2025-11-26T09:59:30Z")]
    [InlineData("2025-11-26T09:59:30.123Z")]
    [InlineData("2025-11-26T09:59:30")]
    public void Verify_SignedWithIso8601Time_Valid(string time)
    {
        var verdict = Verifier().Verify(NotifyPath, ClientId, time, Sign(time), Body);

        Assert.True(verdict.Valid, verdict.Reason);
    }

    [Fact]
    public void Verify_TamperedBody_BadSignature()
    {
        var time = AntomSignature.RequestTime(Now);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\"S\"", "\"F\"", StringComparison.Ordinal));

        var verdict = Verifier().Verify(NotifyPath, ClientId, time, Sign(time), tampered);

        Assert.False(verdict.Valid);
        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_BadSignature()
    {
        var time = AntomSignature.RequestTime(Now);
        using var stranger = TestKeys.Import(TestKeys.StrangerPrivatePem);

        var verdict = Verifier().Verify(NotifyPath, ClientId, time, AntomSignature.SignHeader(stranger, NotifyPath, ClientId, time, Body), Body);

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_SignedForAnotherPath_BadSignature()
    {
        var time = AntomSignature.RequestTime(Now);

        var verdict = Verifier().Verify("/other/notify", ClientId, time, Sign(time), Body);

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_RequestTimeHeaderDiffersFromSignedTime_BadSignature()
    {
        var signedTime = AntomSignature.RequestTime(Now.AddMinutes(-1));

        var verdict = Verifier().Verify(NotifyPath, ClientId, AntomSignature.RequestTime(Now), Sign(signedTime), Body);

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
    }

    [Fact]
    public void Verify_OtherClientId_WrongClientIdEvenIfSignedForIt()
    {
        var time = AntomSignature.RequestTime(Now);
        var signature = AntomSignature.SignHeader(antomPrivate, NotifyPath, "2188120000000999", time, Body);

        var verdict = Verifier().Verify(NotifyPath, "2188120000000999", time, signature, Body);

        Assert.Equal(NotificationRejection.WrongClientId, verdict.Rejection);
        Assert.Contains("2188120000000999", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    [InlineData(-60 * 24)]
    public void Verify_RequestTimeOutsideSkew_StaleRequestTime(int minutes)
    {
        var time = AntomSignature.RequestTime(Now.AddMinutes(minutes));

        var verdict = Verifier().Verify(NotifyPath, ClientId, time, Sign(time), Body);

        Assert.Equal(NotificationRejection.StaleRequestTime, verdict.Rejection);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public void Verify_RequestTimeWithinSkew_Valid(int minutes)
    {
        var time = AntomSignature.RequestTime(Now.AddMinutes(minutes));

        Assert.True(Verifier().Verify(NotifyPath, ClientId, time, Sign(time), Body).Valid);
    }

    /// <summary>The service's defaults: 26 h into the past (Antom re-sends for 24 h 22 min and may not refresh
    /// request-time), 5 min ahead (clock skew only: a re-send never makes it newer).</summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(60 * 24, false)]
    [InlineData(-25 * 60, true)]
    [InlineData(-26 * 60, true)]
    [InlineData(-27 * 60, false)]
    public void Verify_DefaultBounds_FewMinutesAheadOrADayBehind(int minutesFromNow, bool accepted)
    {
        var time = AntomSignature.RequestTime(Now.AddMinutes(minutesFromNow));
        var verifier = new AntomNotificationVerifier(antomPublic, ClientId, clock, TimeSpan.FromHours(26), TimeSpan.FromMinutes(5));

        var verdict = verifier.Verify(NotifyPath, ClientId, time, Sign(time), Body);

        Assert.True(verdict.Valid == accepted, $"{minutesFromNow} min: {verdict.Reason}");
        Assert.Equal(accepted ? null : NotificationRejection.StaleRequestTime, verdict.Rejection);
    }

    [Fact]
    public void Verify_PastBoundOff_FutureBoundStillHolds()
    {
        var verifier = new AntomNotificationVerifier(antomPublic, ClientId, clock, Timeout.InfiniteTimeSpan, TimeSpan.FromMinutes(5));
        var ahead = AntomSignature.RequestTime(Now.AddMinutes(6));

        var verdict = verifier.Verify(NotifyPath, ClientId, ahead, Sign(ahead), Body);

        Assert.Equal(NotificationRejection.StaleRequestTime, verdict.Rejection);
        Assert.Contains("ahead", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_InfiniteSkew_AcceptsOldButAuthentic()
    {
        var time = AntomSignature.RequestTime(Now.AddHours(-20));
        var verifier = new AntomNotificationVerifier(antomPublic, ClientId, clock, Timeout.InfiniteTimeSpan, TimeSpan.FromMinutes(5));

        Assert.True(verifier.Verify(NotifyPath, ClientId, time, Sign(time), Body).Valid);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("26/11/2025 10:00")]
    [InlineData("99999999999999999999999")]
    public void Verify_UnreadableButSignedRequestTime_StaleRequestTime(string time)
    {
        var verdict = Verifier().Verify(NotifyPath, ClientId, time, Sign(time), Body);

        Assert.Equal(NotificationRejection.StaleRequestTime, verdict.Rejection);
    }

    [Theory]
    [InlineData(true, false, false, "client-id")]
    [InlineData(false, true, false, "request-time")]
    [InlineData(false, false, true, "signature")]
    [InlineData(true, true, true, "client-id, request-time, signature")]
    public void Verify_MissingHeader_MissingHeadersNamingThem(bool noClient, bool noTime, bool noSignature, string named)
    {
        var time = AntomSignature.RequestTime(Now);

        var verdict = Verifier().Verify(NotifyPath, noClient ? null : ClientId, noTime ? " " : time, noSignature ? "" : Sign(time), Body);

        Assert.False(verdict.Valid);
        Assert.Equal(NotificationRejection.MissingHeaders, verdict.Rejection);
        Assert.Contains(named, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Rejection_ReasonNeverContainsSignature()
    {
        var time = AntomSignature.RequestTime(Now);
        var signature = Sign(time);

        var verdict = Verifier().Verify(NotifyPath, ClientId, time, signature, Encoding.UTF8.GetBytes("{}"));

        Assert.Equal(NotificationRejection.BadSignature, verdict.Rejection);
        Assert.DoesNotContain(AntomSignature.ExtractSignature(signature)!, verdict.Reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        antomPrivate.Dispose();
        antomPublic.Dispose();
    }

    private AntomNotificationVerifier Verifier() => new(antomPublic, ClientId, clock, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

    private string Sign(string time) => AntomSignature.SignHeader(antomPrivate, NotifyPath, ClientId, time, Body);
}
