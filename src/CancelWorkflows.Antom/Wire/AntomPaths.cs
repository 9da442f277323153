namespace CancelWorkflows.Antom.Wire;

/// <summary>Gateway paths (docs/antom-api.md §1–§3, §5). Sandbox client ids (<c>SANDBOX_</c>) use <c>/ams/sandbox/api/...</c>,
/// and the rewritten path is the one signed.</summary>
public static class AntomPaths
{
    public const string Cancel = "/ams/api/v1/payments/cancel";
    public const string InquiryPayment = "/ams/api/v1/payments/inquiryPayment";
    public const string InquiryRefund = "/ams/api/v1/payments/inquiryRefund";
    public const string Refund = "/ams/api/v1/payments/refund";
    public const string SandboxPrefix = "SANDBOX_";

    public static string ForClient(string path, string clientId)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(clientId);
        return clientId.StartsWith(SandboxPrefix, StringComparison.Ordinal) && path.StartsWith("/ams/api/", StringComparison.Ordinal)
            ? string.Concat("/ams/sandbox/api/", path.AsSpan("/ams/api/".Length))
            : path;
    }
}
