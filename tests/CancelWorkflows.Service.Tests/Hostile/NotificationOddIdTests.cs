using CancelWorkflows.DevMode;
using CancelWorkflows.Service.Tests.Api;
using CancelWorkflows.Service.Tests.Notifications;

namespace CancelWorkflows.Service.Tests.Hostile;

/// <summary>An authentic notification (Antom's signature) whose payment ids no cancellation can have: they name a
/// payment this service never cancelled, so it is acknowledged and ignored, never a 5xx (Antom would re-send it for a day).</summary>
[Collection(HostileCollection.Name)]
public sealed class NotificationOddIdTests(ApiDevMode api)
{
    public static TheoryData<string, string> OddIds => new()
    {
        { "too long for a workflow id", new string('a', 5_000) },
        { "emoji, too long", string.Concat(Enumerable.Repeat("\U0001F600", 2_500)) + "\u2066" },
        { "an unpaired surrogate", "pr-\ud800-x" },
        { "a NUL", "pr-\0-x" },
        { "a bidi override", "pr-\u202e-x" },
        { "a line break", "pr-\n-x" },
    };

    [Fact]
    public async Task A_signed_notification_with_an_unpaired_surrogate_in_its_notify_type_is_refused_as_malformed()
    {
        using var antom = AntomSigner.FromPemFile(Path.Combine(api.Dev.DataDir, "keys", "antom-private.pem"), DevModeSetup.MerchantClientId);
        using var poster = new NotificationPoster(api.ApiBase, antom);
        var body = System.Text.Encoding.UTF8.GetBytes("{\"notifyType\":\"PAYMENT_\\ud800RESULT\",\"paymentRequestId\":\"pr-odd-type\",\"paymentId\":\"p-odd-type\"}");

        var answer = await poster.PostSignedAsync(body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("rejected-malformed-json", answer.ProblemReason);
    }

    [Theory]
    [MemberData(nameof(OddIds))]
    public async Task A_signed_notification_naming_an_id_no_cancellation_can_have_is_acknowledged(string what, string id)
    {
        using var antom = AntomSigner.FromPemFile(Path.Combine(api.Dev.DataDir, "keys", "antom-private.pem"), DevModeSetup.MerchantClientId);
        using var poster = new NotificationPoster(api.ApiBase, antom);
        var body = System.Text.Encoding.UTF8.GetBytes(
            "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
            + $"\"paymentRequestId\":{Benchmarks.Hostile.HostileJson.Str(id)},\"paymentId\":{Benchmarks.Hostile.HostileJson.Str(id + "-p")},"
            + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},\"paymentCreateTime\":\"2026-03-10T12:00:00+08:00\","
            + "\"paymentTime\":\"2026-03-10T12:01:00+08:00\",\"paymentMethodType\":\"CARD\"}");

        var answer = await poster.PostSignedAsync(body);
        using var probe = new Benchmarks.Hostile.HostileProbe(new(api.ApiBase, NotificationPoster.Path, new Dictionary<Benchmarks.Hostile.HostileCaller, string>(), System.Security.Cryptography.RSA.Create(), "x", []));
        var chunked = await probe.SendAsync(new("n", "chunked", HttpMethod.Post, NotificationPoster.Path.TrimStart('/'), Benchmarks.Hostile.HostileCaller.None, body, "application/json; charset=UTF-8",
            [.. antom.Headers(NotificationPoster.Path, body).Select(h => (h.Key, h.Value))], false, Chunked: true));

        Assert.True(answer.IsExactAcknowledgement, $"{what}: {answer}");
        Assert.True(chunked.Status == 200, $"{what}, chunked: {chunked}");
    }
}
