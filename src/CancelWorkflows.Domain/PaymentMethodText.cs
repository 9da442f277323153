namespace CancelWorkflows.Domain;

/// <summary>How a method appears in reasons: its code and row, and a mark when the catalogue did not know it.</summary>
internal static class PaymentMethodText
{
    public static string Describe(PaymentMethodLookup method) => method switch
    {
        { Code: null } => $"payment with no method reported ({method.Category})",
        { Known: false } => $"{method.Code} (unknown method, {method.Category})",
        _ => $"{method.Code} ({method.Category})",
    };
}
