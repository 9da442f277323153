namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>The bad notifications the ingress refuses, each for a given payment, with the answer the ingress must give.</summary>
public static class BadNotifications
{
    public const int MaxBodyBytes = 64 * 1024;

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>name → (expected status, expected reason, body and headers for a payment).</summary>
    public static IReadOnlyDictionary<string, (int Status, string Reason, Func<NotificationPoster, string, string, (byte[] Body, IReadOnlyDictionary<string, string> Headers)> Make)> All { get; } =
        new Dictionary<string, (int, string, Func<NotificationPoster, string, string, (byte[], IReadOnlyDictionary<string, string>)>)>
        {
            ["tampered body"] = (401, "rejected-bad-signature", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                return (NotificationBodies.Tampered(body), Signed(p, body));
            }
            ),
            ["wrong key"] = (401, "rejected-bad-signature", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                using var stranger = AntomSigner.Stranger(p.Antom.ClientId);
                return (body, stranger.Headers(NotificationPoster.Path, body));
            }
            ),
            ["signed for another path"] = (401, "rejected-bad-signature", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                return (body, p.Antom.Headers("/payNotify", body));
            }
            ),
            ["stale request-time (27 h old)"] = (401, "rejected-stale-request-time", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                return (body, p.Antom.Headers(NotificationPoster.Path, body, DateTimeOffset.UtcNow.AddHours(-27)));
            }
            ),
            ["request-time 6 min ahead (future bound 5 min)"] = (401, "rejected-stale-request-time", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                return (body, p.Antom.Headers(NotificationPoster.Path, body, DateTimeOffset.UtcNow.AddMinutes(6)));
            }
            ),
            ["wrong client id"] = (401, "rejected-wrong-client-id", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                return (body, p.Antom.Headers(NotificationPoster.Path, body, clientIdHeader: "SANDBOX_SOMEONE_ELSE"));
            }
            ),
            ["no signature header"] = (401, "rejected-missing-headers", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid);
                var headers = Signed(p, body);
                headers.Remove("signature");
                return (body, headers);
            }
            ),
            ["no headers at all"] = (401, "rejected-missing-headers", (p, prid, pid) =>
                (NotificationBodies.PaymentResult(prid, pid), new Dictionary<string, string>())),
            ["garbage JSON"] = (400, "rejected-malformed-json", (p, prid, pid) =>
            {
                var body = NotificationBodies.Text($"{{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"{prid}\",");
                return (body, Signed(p, body));
            }
            ),
            ["unknown notifyType"] = (400, "rejected-unknown-notify-type", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(prid, pid, notifyType: "OFFLINE_PAYMENT_CODE");
                return (body, Signed(p, body));
            }
            ),
            ["payment without ids"] = (400, "rejected-missing-ids", (p, prid, pid) =>
            {
                var body = NotificationBodies.PaymentResult(null, null);
                return (body, Signed(p, body));
            }
            ),
            ["refund without refund ids"] = (400, "rejected-missing-ids", (p, prid, pid) =>
            {
                var body = NotificationBodies.RefundResult(prid, pid, refundId: null);
                return (body, Signed(p, body));
            }
            ),
            ["oversized body (64 KiB + 1), signed"] = (413, "rejected-body-too-large", (p, prid, pid) =>
            {
                var size = NotificationBodies.PaymentResult(prid, pid, padding: string.Empty).Length;
                var body = NotificationBodies.PaymentResult(prid, pid, padding: new string('x', MaxBodyBytes + 1 - size));
                Assert.Equal(MaxBodyBytes + 1, body.Length);
                return (body, Signed(p, body));
            }
            ),
        };

    private static Dictionary<string, string> Signed(NotificationPoster poster, byte[] body) => poster.Antom.Headers(NotificationPoster.Path, body);
}
