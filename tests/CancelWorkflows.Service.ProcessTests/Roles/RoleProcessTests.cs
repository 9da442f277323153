using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CancelWorkflows.Service.Tests.Infrastructure;
using CancelWorkflows.Service.Tests.Notifications;

namespace CancelWorkflows.Service.ProcessTests.Roles;

/// <summary>
/// The service's roles as real processes (<c>dotnet CancelWorkflows.Service.dll</c>, Production environment) against a
/// Temporal dev server and the simulator: each starts with only its own settings, is ready for its own parts, and serves
/// only its own paths.
/// </summary>
[Collection(RoleClusterCollection.Name)]
public sealed class RoleProcessTests(RoleClusterFixture fixture)
{
    private RoleCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ApiOnly_NoAntomSettingAtAll_ReadyWhenTemporalAnswers_ServesTheApiNotTheIngress()
    {
        await using var api = await Cluster.StartRoleAsync("api");

        Assert.Contains("Roles            api", api.Process.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("openapi/v1.json")).StatusCode);
        var id = CancellationApiCalls.NewPaymentRequestId();
        using var start = new HttpRequestMessage(HttpMethod.Post, "v1/cancellations")
        {
            Content = JsonContent.Create(new { paymentRequestId = id }),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RoleCluster.BookingKey);
        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.SendAsync(start)).StatusCode);
        // No worker here: the start goes through the task queue, to whichever worker polls it, never eagerly to this process.
        var started = (await Cluster.Temporal.GetWorkflowHandle($"cancel-{id}").FetchHistoryAsync()).Events.First();
        Assert.False(started.WorkflowExecutionStartedEventAttributes.EagerExecutionAccepted);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.PostAsync(NotificationPoster.Path.TrimStart('/'), JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task IngressOnly_NoMerchantKey_VerifiesAndAcknowledgesAntomsNotification_ServesNoApi()
    {
        await using var ingress = await Cluster.StartRoleAsync("ingress");
        using var antom = AntomSigner.FromPemFile(Cluster.AntomPrivateKeyPath, RoleCluster.ClientId);
        using var poster = new NotificationPoster(ingress.BaseAddress, antom);

        var answer = await poster.PostSignedAsync(NotificationBodies.PaymentResult(CancellationApiCalls.NewPaymentRequestId(), null));
        var forged = await poster.PostAsync(
            NotificationBodies.PaymentResult("pr-forged", null),
            AntomSigner.Stranger(RoleCluster.ClientId).Headers(NotificationPoster.Path, NotificationBodies.PaymentResult("pr-forged", null)));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString()); // a payment never cancelled: verified, acknowledged
        Assert.Equal(401, forged.Status);
        Assert.Equal(HttpStatusCode.OK, (await ingress.Http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ingress.Http.GetAsync("v1/cancellations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ingress.Http.GetAsync("openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task WorkerOnly_NoApiKeys_ReadyWhenPolling_ServesNothingButHealthAndAlive()
    {
        await using var worker = await Cluster.StartRoleAsync("worker");

        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("alive")).StatusCode);
        string[] gets = ["", "v1/cancellations", "v1/cancellations/pr-1", "v1/promotions", "openapi/v1.json", "demo/holds?promoId=demo-x", "sim/v1/payments"];
        foreach (var path in gets)
        {
            Assert.True((await worker.Http.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"GET /{path} is served");
        }

        string[] posts = ["v1/cancellations", "v1/promotions", NotificationPoster.Path.TrimStart('/')];
        foreach (var path in posts)
        {
            Assert.True((await worker.Http.PostAsync(path, JsonContent.Create(new { }))).StatusCode == HttpStatusCode.NotFound, $"POST /{path} is served");
        }
    }

    [Fact]
    public async Task DevelopmentWithTemporalAddress_ProductionShapedAgainstThatServer_NoDevMode()
    {
        await using var api = await Cluster.StartRoleAsync("api", new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        Assert.Contains("production-shaped against that server", api.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CancelWorkflows dev mode", api.Process.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Cluster.WorkingDirectory, ".cancelworkflows")), "dev mode made its data folder");
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("health")).StatusCode);
    }
}
