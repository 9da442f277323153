using CancelWorkflows.Workflows.Promotions;
using CancelWorkflows.Workflows.Tests.Infrastructure;
using Temporalio.Client;

namespace CancelWorkflows.Workflows.Tests.Promotions;

/// <summary>Starts a promotion run as its Schedule would (workflow id <c>promo-expiry-&lt;promoId&gt;-…</c>), with fast
/// cancel settings, on the test's task queue.</summary>
public static class PromoRunStart
{
    public static Task<WorkflowHandle<PromoExpiryWorkflow, PromoProgress>> StartAsync(
        ITemporalClient client, string taskQueue, string promoId, int continueAsNewEvery, int maxParallel, string? antomMerchant = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.StartWorkflowAsync(
            (PromoExpiryWorkflow wf) => wf.RunAsync(new PromoExpiryRequest
            {
                PromoId = promoId,
                MaxParallel = maxParallel,
                ContinueAsNewEvery = continueAsNewEvery,
                AntomMerchant = antomMerchant,
                Settings = CancelWorker.FastSettings(),
            }),
            new WorkflowOptions($"{TemporalNames.PromoSchedule(promoId)}-{Guid.NewGuid():N}", taskQueue));
    }
}
