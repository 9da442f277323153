using CancelWorkflows.Domain;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>The rules in force for this deployment: Antom's windows as narrowed by the merchant contract, and the
/// payment-method catalogue with configured overrides. Built once at start-up and validated there.</summary>
public sealed record CancelPolicy(CancelWindows Windows, PaymentMethodCatalogue Catalogue)
{
    public static CancelPolicy Default { get; } = new(CancelWindows.Antom, PaymentMethodCatalogue.Default);
}
