namespace CancelWorkflows.AntomSimulator;

/// <summary>Fault kinds and the APIs they apply to (<c>POST /sim/v1/payments/{id}/faults</c>).</summary>
internal static class FaultKinds
{
    public const string U = "U";
    public const string F = "F";
    public const string Http500 = "http500";
    public const string Drop = "drop";
    public const string Delay = "delay";
    public const string BadSignature = "badSignature";

    public const string Cancel = "cancel";
    public const string InquiryPayment = "inquiryPayment";
    public const string InquiryRefund = "inquiryRefund";
    public const string Refund = "refund";
    public const string AnyApi = "any";

    public static readonly IReadOnlyList<string> Kinds = [U, F, Http500, Drop, Delay, BadSignature];

    public static readonly IReadOnlyList<string> Apis = [Cancel, InquiryPayment, InquiryRefund, Refund, AnyApi];

    public const int MaxDelayMs = 600_000;
    public const int MaxCount = 1000;
}
