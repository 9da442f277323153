using CancelWorkflows.Antom.Wire;

namespace CancelWorkflows.Antom.Tests;

/// <summary>Sandbox client ids use <c>/ams/sandbox/api/...</c> (docs/antom-api.md §5).</summary>
public sealed class AntomPathsTests
{
    [Theory]
    [InlineData(AntomPaths.Cancel, "SANDBOX_5YBZ1234", "/ams/sandbox/api/v1/payments/cancel")]
    [InlineData(AntomPaths.InquiryPayment, "SANDBOX_X", "/ams/sandbox/api/v1/payments/inquiryPayment")]
    [InlineData(AntomPaths.Cancel, "2188120000000001", "/ams/api/v1/payments/cancel")]
    [InlineData(AntomPaths.Cancel, "sandbox_lowercase", "/ams/api/v1/payments/cancel")]
    [InlineData("/ams/sandbox/api/v1/payments/cancel", "SANDBOX_X", "/ams/sandbox/api/v1/payments/cancel")]
    public void ForClient_ClientId_RewritesOnlySandboxIds(string path, string clientId, string expected) =>
        Assert.Equal(expected, AntomPaths.ForClient(path, clientId));
}
