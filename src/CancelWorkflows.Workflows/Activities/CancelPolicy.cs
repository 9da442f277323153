using CancelWorkflows.Domain;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>The rules in force for this deployment: Antom's windows as narrowed by the merchant contract, the
/// payment-method catalogue with configured overrides, and what to do with a method the catalogue does not know
/// (<c>Cancel:UnknownPaymentMethod</c>). Built once at start-up and validated there.</summary>
public sealed record CancelPolicy(
    CancelWindows Windows,
    PaymentMethodCatalogue Catalogue,
    UnknownPaymentMethodPolicy UnknownPaymentMethod = UnknownPaymentMethodPolicy.TreatAsOther)
{
    public static CancelPolicy Default { get; } = new(CancelWindows.Antom, PaymentMethodCatalogue.Default);
}
