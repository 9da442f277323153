namespace CancelWorkflows.Domain;

/// <summary>A refund answer, classified. Flat on purpose: it travels as a Temporal payload.</summary>
/// <param name="Kind">What the answer means.</param>
/// <param name="Rejection">Why Antom refused; only with <see cref="RefundAnswerKind.Rejected"/>.</param>
/// <param name="ResultStatus">Antom's <c>result.resultStatus</c> exactly as received; null when there was no answer.</param>
/// <param name="ResultCode">Antom's <c>result.resultCode</c> exactly as received; null when there was no answer.</param>
/// <param name="Rule">The refund rule that applies (RF1–RF6, docs/rules.md).</param>
/// <param name="Advice">What to do next, a <see cref="RefundAdvice"/> constant; null when refunded.</param>
/// <param name="Retry">True only for <see cref="RefundAnswerKind.Unknown"/>: resend the same request (RF1).</param>
public sealed record RefundAnswerClassification(
    RefundAnswerKind Kind, RefundRejection? Rejection, string? ResultStatus, string? ResultCode, string? Rule, string? Advice, bool Retry)
{
    /// <summary>For people: the meaning of the code and where Antom documents it, or what went wrong with the call.</summary>
    public string? Detail { get; init; }
}
