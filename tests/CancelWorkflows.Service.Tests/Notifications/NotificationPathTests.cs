using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// <c>Notifications:Path</c> moves the ingress, and the signature is checked over the request target exactly as Antom
/// signed it (query included). In this process, with no Temporal behind it: a notification that passed verification and
/// parsing ends as <c>temporal-unavailable</c> (503), one that did not as its refusal.
/// </summary>
public sealed class NotificationPathTests
{
    private const string CustomPath = "/antom/notify";

    [Fact]
    public async Task CustomPath_ServedThere_DefaultPathNotFound()
    {
        await using var ingress = await InProcessIngress.StartAsync($"127.0.0.1:{FreePorts.Take(1)[0]}", TimeSpan.FromSeconds(1), CustomPath);
        var body = NotificationBodies.PaymentResult("pr-path", "pid-path");

        var atCustom = await ingress.Poster.PostSignedAsync(body);
        using var atDefault = new NotificationPoster(ingress.BaseAddress, ingress.Poster.Antom);
        var atDefaultAnswer = await atDefault.PostSignedAsync(body);

        Assert.Equal(503, atCustom.Status);
        Assert.Equal(404, atDefaultAnswer.Status);
        Assert.Equal(["temporal-unavailable"], ingress.Verdicts);
    }

    [Fact]
    public async Task NotifyUrlWithQuery_VerifiedOverPathAndQuery()
    {
        await using var ingress = await InProcessIngress.StartAsync($"127.0.0.1:{FreePorts.Take(1)[0]}", TimeSpan.FromSeconds(1), CustomPath);
        var body = NotificationBodies.PaymentResult("pr-query", "pid-query");
        using var withQuery = new NotificationPoster(ingress.BaseAddress, ingress.Poster.Antom, CustomPath + "?tenant=a");

        var signedWithQuery = await withQuery.PostSignedAsync(body);
        var signedWithoutQuery = await withQuery.PostAsync(body, ingress.Poster.Antom.Headers(CustomPath, body));

        Assert.Equal(503, signedWithQuery.Status);
        Assert.Equal(401, signedWithoutQuery.Status);
        Assert.Equal(["temporal-unavailable", "rejected-bad-signature"], ingress.Verdicts);
    }
}
