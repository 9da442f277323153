using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The <c>{paymentRequestId}</c> of a route, with <c>?by=paymentId</c> when it is Antom's <c>paymentId</c> instead:
/// the workflow it names and the status URL that reads it.
/// </summary>
public sealed record CancellationAddress(string Id, bool ByPaymentId)
{
    public string WorkflowId => ByPaymentId ? CancelWorkflowIds.For(null, Id) : CancelWorkflowIds.For(Id, null);

    public string StatusUrl => ByPaymentId
        ? $"/v1/cancellations/{Uri.EscapeDataString(Id)}?by=paymentId"
        : $"/v1/cancellations/{Uri.EscapeDataString(Id)}";

    /// <summary>The address of a started cancellation (paymentRequestId preferred, as the workflow id).</summary>
    public static CancellationAddress Of(CancelPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.PaymentRequestId is { } prid ? new(prid, false) : new(request.PaymentId!, true);
    }

    /// <summary>The address, or field errors (id too long, blank, with characters no id has, or a reserved paymentRequestId;
    /// unknown <c>by</c>).</summary>
    public static (CancellationAddress? Address, Dictionary<string, string[]> Errors) Parse(string id, string? by)
    {
        var errors = new Dictionary<string, string[]>();
        var byPaymentId = false;
        if (by is not null && !by.Equals("paymentRequestId", StringComparison.OrdinalIgnoreCase))
        {
            if (by.Equals("paymentId", StringComparison.OrdinalIgnoreCase))
            {
                byPaymentId = true;
            }
            else
            {
                errors["by"] = ["paymentRequestId (default) or paymentId."];
            }
        }

        var trimmed = id?.Trim(' ') ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > StartCancellationValidation.MaxIdLength)
        {
            errors["paymentRequestId"] = [$"A2: 1 to {StartCancellationValidation.MaxIdLength} characters."];
        }
        else if (IdText.Problem(trimmed) is { } problem)
        {
            errors["paymentRequestId"] = ["A2: " + problem];
        }
        else if (!byPaymentId && StartCancellationValidation.PaymentRequestIdProblem(trimmed) is { } reserved)
        {
            // Never read cancel-pid-X (the cancellation of paymentId X) as if it were paymentRequestId pid-X's.
            errors["paymentRequestId"] = [reserved];
        }

        return errors.Count == 0 ? (new(trimmed, byPaymentId), errors) : (null, errors);
    }
}
