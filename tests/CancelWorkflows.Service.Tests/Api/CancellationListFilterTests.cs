using CancelWorkflows.Service.Api;

namespace CancelWorkflows.Service.Tests.Api;

/// <summary>The visibility query is built from checked values only: its shape never depends on what a caller typed.</summary>
public sealed class CancellationListFilterTests
{
    [Fact]
    public void ToVisibilityQuery_EveryFilter_ExactQuery()
    {
        var (filter, errors) = CancellationListFilter.Parse("cancelled", "true", "false", "acme", "2026-01-01", "2026-02-01T12:00:00+02:00", "50", null);

        Assert.Empty(errors);
        Assert.Equal(
            "WorkflowType = 'CancelPaymentWorkflow' AND CancelOutcome = 'Cancelled' AND Escalated = true" +
            " AND (LateSuccess = false OR LateSuccess IS NULL) AND Merchant = 'acme'" +
            " AND StartTime >= '2026-01-01T00:00:00.0000000Z' AND StartTime < '2026-02-01T10:00:00.0000000Z'",
            filter!.ToVisibilityQuery(startedBy: null));
        Assert.Equal(50, filter.PageSize);
    }

    [Fact]
    public void ToVisibilityQuery_NoFilter_OnlyTheWorkflowType()
    {
        var (filter, _) = CancellationListFilter.Parse(null, null, null, null, null, null, null, null);

        Assert.Equal("WorkflowType = 'CancelPaymentWorkflow'", filter!.ToVisibilityQuery(startedBy: null));
        Assert.Equal(CancellationListFilter.DefaultPageSize, filter.PageSize);
    }

    [Theory]
    [InlineData("acme' OR '1'='1")]
    [InlineData("acme\" OR \"1\"=\"1")]
    [InlineData("a\\b")]
    [InlineData("a`b")]
    [InlineData("a\nb")]
    public void Parse_MerchantThatCouldChangeTheQuery_Refused(string merchant) =>
        Assert.Contains("merchant", CancellationListFilter.Parse(null, null, null, merchant, null, null, null, null).Errors.Keys);

    [Fact]
    public void Parse_EveryOutcomeOfTheContract_Accepted()
    {
        // The list filter offers every outcome a cancellation can end with, the refund fallback's included.
        foreach (var outcome in CancelWorkflows.Contracts.CancellationOutcomes.All)
        {
            var (filter, errors) = CancellationListFilter.Parse(outcome, null, null, null, null, null, null, null);

            Assert.True(errors.Count == 0, $"{outcome}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            Assert.Contains($"CancelOutcome = '{outcome}'", filter!.ToVisibilityQuery(startedBy: null), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PageToken_RoundTripsAsBase64Url()
    {
        byte[] token = [0xfb, 0xff, 0x00, 0x3e, 0x3f];
        var encoded = CancellationListFilter.EncodePageToken(token);

        var (filter, errors) = CancellationListFilter.Parse(null, null, null, null, null, null, null, encoded);

        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
        Assert.Empty(errors);
        Assert.Equal(token, filter!.PageToken);
    }
}
