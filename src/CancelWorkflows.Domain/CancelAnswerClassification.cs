namespace CancelWorkflows.Domain;

/// <summary>A cancel answer, classified. Flat on purpose: it travels as a Temporal payload and into the <c>Status</c> query.</summary>
/// <param name="Kind">What the answer means.</param>
/// <param name="ResultStatus">Antom's <c>result.resultStatus</c> exactly as received; null when there was no answer.</param>
/// <param name="ResultCode">Antom's <c>result.resultCode</c> exactly as received; null when there was no answer.</param>
/// <param name="Rule">The rule that applies (e.g. "A3", "N1").</param>
/// <param name="Advice">What to do next, a <see cref="CancelAdvice"/> constant; null when cancelled.</param>
/// <param name="Retry">True only for <see cref="CancelAnswerKind.Unknown"/>: resend the same request (A3).</param>
public sealed record CancelAnswerClassification(
    CancelAnswerKind Kind, string? ResultStatus, string? ResultCode, string? Rule, string? Advice, bool Retry)
{
    /// <summary>For people: the meaning of the code, or why the answer was not trusted, or what went wrong with the call.</summary>
    public string? Detail { get; init; }
}
