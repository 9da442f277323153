namespace CancelWorkflows.Service.Hosting;

/// <summary>
/// What one process of the service does (<c>Service:Roles</c>). One binary, several roles, so a deployment can run API
/// replicas at the edge, an ingress for Antom, and workers scaled on their own (the only role that holds the merchant
/// private key). Temporal's task queue is what joins them: any number of workers poll <c>cancel-payments</c>.
/// </summary>
[Flags]
public enum ServiceRoles
{
    None = 0,

    /// <summary>Booking API <c>/v1/cancellations*</c>, promotions API <c>/v1/promotions*</c>, the OpenAPI document.</summary>
    Api = 1,

    /// <summary>Antom's notifications, <c>POST &lt;Notifications:Path&gt;</c>.</summary>
    Ingress = 2,

    /// <summary>The Temporal worker: workflows and activities on <c>cancel-payments</c>.</summary>
    Worker = 4,

    /// <summary>Everything in one process: the default, and what dev mode runs.</summary>
    All = Api | Ingress | Worker,
}
