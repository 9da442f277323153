namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>
/// Bad notifications get the ingress's 4xx with an RFC 7807 body naming the reason, and touch no workflow: each is sent
/// for a payment whose cancel workflow runs (its notification list must stay empty) and for one whose workflow has closed
/// (no reconciliation may start). The two payments are shared by all cases, so any leak shows in every later case too.
/// </summary>
[Collection(NotificationDevModeCollection.Name)]
public sealed class NotificationRejectionTests(NotificationDevMode fixture)
{
    [Theory]
    [MemberData(nameof(BadNotifications.Names), MemberType = typeof(BadNotifications))]
    public async Task BadNotification_RefusedWithItsReasonAndNoWorkflowTouched(string name)
    {
        var (status, reason, make) = BadNotifications.All[name];
        var (running, closed) = await fixture.RejectionTargetsAsync();

        foreach (var (prid, pid) in new[] { running, closed })
        {
            var (body, headers) = make(fixture.Poster, prid, pid);
            var answer = await fixture.Poster.PostAsync(body, headers);

            Assert.True(answer.Status == status, $"{name}: expected {status}, got {answer}");
            Assert.Equal(reason, answer.ProblemReason);
        }

        Assert.Equal(0, await fixture.Payments.NotificationsAsync($"cancel-{running.PaymentRequestId}"));
        Assert.Null(await fixture.Payments.StatusAsync($"reconcile-{closed.PaymentRequestId}"));
        Assert.Null(await fixture.Payments.StatusAsync($"reconcile-{running.PaymentRequestId}"));
    }
}
