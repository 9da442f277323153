using System.Diagnostics;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// The ingress in this process against a Temporal address where nothing listens: every refusal is counted under its
/// verdict without a Temporal call (one would have made it a 503), and an authentic notification that cannot be recorded
/// is not acknowledged (503, Antom's failure body) and counted <c>temporal-unavailable</c>.
/// </summary>
public sealed class NotificationVerdictMetricsTests(NotificationVerdictMetricsTests.UnreachableTemporal fixture)
    : IClassFixture<NotificationVerdictMetricsTests.UnreachableTemporal>
{
    private static readonly TimeSpan TemporalTimeout = TimeSpan.FromSeconds(2);

    private InProcessIngress Ingress => fixture.Ingress;

    [Theory]
    [MemberData(nameof(BadNotifications.Names), MemberType = typeof(BadNotifications))]
    public async Task BadNotification_CountedOnceUnderItsReason(string name)
    {
        var (status, reason, make) = BadNotifications.All[name];
        var (body, headers) = make(Ingress.Poster, "pr-metrics", "pid-metrics");
        var before = Ingress.Verdicts.Count;

        var answer = await Ingress.Poster.PostAsync(body, headers);

        Assert.True(answer.Status == status, $"{name}: expected {status}, got {answer}");
        Assert.Equal([reason], Ingress.Verdicts.Skip(before));
    }

    [Fact]
    public async Task RefundNotificationAsAntomSendsIt_NoPaymentIds_AcknowledgedAndCountedUnroutableWithoutTemporal()
    {
        // Antom's notifyRefund names the refund only; Temporal is unreachable here, so a routing attempt would be a 503.
        var before = Ingress.Verdicts.Count;

        var answer = await Ingress.Poster.PostSignedAsync(NotificationBodies.RefundResult(null, null, "rf-unroutable"));

        Assert.True(answer.IsExactAcknowledgement, answer.ToString());
        Assert.Equal(["ignored-unroutable-refund"], Ingress.Verdicts.Skip(before));
    }

    [Fact]
    public async Task AuthenticNotification_TemporalUnreachable_NotAcknowledgedAndCounted()
    {
        var before = Ingress.Verdicts.Count;
        var clock = Stopwatch.StartNew();

        var answer = await Ingress.Poster.PostSignedAsync(NotificationBodies.PaymentResult("pr-unreachable", "pid-unreachable"));

        Assert.Equal(503, answer.Status);
        Assert.True(answer.IsFailureBody, answer.ToString());
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal(["temporal-unavailable"], Ingress.Verdicts.Skip(before));
        Assert.True(clock.Elapsed < TemporalTimeout + TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
    }

    /// <summary>One in-process ingress for the class; its Temporal port has no listener.</summary>
    public sealed class UnreachableTemporal : IAsyncLifetime
    {
        private InProcessIngress? ingress;

        public InProcessIngress Ingress => ingress ?? throw new InvalidOperationException("Not started.");

        public async Task InitializeAsync() =>
            ingress = await InProcessIngress.StartAsync($"127.0.0.1:{FreePorts.Take(1)[0]}", TemporalTimeout);

        public async Task DisposeAsync()
        {
            if (ingress is not null)
            {
                await ingress.DisposeAsync();
            }
        }
    }
}
