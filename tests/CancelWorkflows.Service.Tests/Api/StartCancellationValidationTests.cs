using CancelWorkflows.Contracts;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Tests.Api;

public sealed class StartCancellationValidationTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    public void Validate_A2_NeitherId_Refused(string? paymentRequestId, string? paymentId)
    {
        var errors = StartCancellationValidation.Validate(new() { PaymentRequestId = paymentRequestId, PaymentId = paymentId });

        Assert.StartsWith("A2", Assert.Single(errors["paymentRequestId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_A2_IdLongerThan64_Refused()
    {
        var errors = StartCancellationValidation.Validate(new() { PaymentId = new string('9', 65) });

        Assert.True(errors.ContainsKey("paymentId"));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://booking.example/cb")]
    public void Validate_CallbackNotHttp_Refused(string callback) =>
        Assert.True(StartCancellationValidation.Validate(new() { PaymentRequestId = "pr-1", CallbackUrl = callback }).ContainsKey("callbackUrl"));

    [Fact]
    public void Validate_PaymentIdOnly_Accepted() =>
        Assert.Empty(StartCancellationValidation.Validate(new() { PaymentId = "2026000001", CallbackUrl = "https://booking.example/cb" }));

    [Theory]
    [InlineData("pr-1", null, "BK-7", "acme", "Cancel pr-1 for BK-7 (acme)")]
    [InlineData(null, "2026000001", null, null, "Cancel 2026000001")]
    [InlineData("pr-1", null, null, "acme", "Cancel pr-1 (acme)")]
    public void SummaryOf_ReadsAsOneLine(string? prid, string? pid, string? booking, string? merchant, string expected) =>
        Assert.Equal(expected, CancellationStarter.SummaryOf(new CancelPaymentRequest
        {
            PaymentRequestId = prid,
            PaymentId = pid,
            BookingRef = booking,
            Merchant = merchant,
        }));
}
