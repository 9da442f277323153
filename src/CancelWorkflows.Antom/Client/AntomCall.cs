using System.Diagnostics.CodeAnalysis;

namespace CancelWorkflows.Antom.Client;

/// <summary>Why a call produced no usable answer. Every one of them means "outcome unknown" (treat as <c>U</c>).</summary>
public enum NoAnswerReason
{
    /// <summary>Our deadline (<see cref="AntomClientOptions.Timeout"/>) passed before a complete answer arrived.</summary>
    Timeout,

    /// <summary>HTTP status other than 200 (Antom answers business errors with 200 and <c>result</c> F; anything else is
    /// the gateway or a proxy, so nothing was decided that we can read).</summary>
    ServerError,

    /// <summary>Connection refused, reset or dropped before the answer was complete.</summary>
    ConnectionFailed,

    /// <summary><c>response-time</c> or <c>signature</c> missing, or the signature does not verify over the raw body.</summary>
    UnverifiableAnswer,

    /// <summary>Signed, but not JSON, or without <c>result.resultStatus</c>.</summary>
    Unparseable,
}

/// <summary>
/// The outcome of one call. Either Antom answered (<see cref="Answer"/>: a signed, verified, parsed body — whatever its
/// <c>resultStatus</c>, passed through untouched) or there was no answer (<see cref="NoAnswer"/>, with a
/// <see cref="Detail"/> fit for logs: never a key, a signature or a body with secrets).
/// </summary>
/// <param name="Answer">The verified answer, or null.</param>
/// <param name="NoAnswer">Why there is no answer, or null when there is one.</param>
/// <param name="Detail">Human-readable detail for a missing answer.</param>
/// <param name="HttpStatus">The HTTP status when a response arrived at all.</param>
/// <param name="Elapsed">Wall time of the call, as measured by the client's <see cref="TimeProvider"/>.</param>
public sealed record AntomCall<T>(T? Answer, NoAnswerReason? NoAnswer, string? Detail, int? HttpStatus, TimeSpan Elapsed)
    where T : class
{
    /// <summary>True when Antom answered with a verified body.</summary>
    [MemberNotNullWhen(true, nameof(Answer))]
    public bool Answered => Answer is not null;
}

/// <summary>Factories for <see cref="AntomCall{T}"/> (kept off the generic type, CA1000).</summary>
public static class AntomCall
{
    /// <summary>Antom answered with a verified, parsed body.</summary>
    public static AntomCall<T> FromAnswer<T>(T answer, int httpStatus, TimeSpan elapsed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AntomCall<T>(answer, null, null, httpStatus, elapsed);
    }

    /// <summary>No usable answer: the caller treats this as <c>U</c>.</summary>
    public static AntomCall<T> Unanswered<T>(NoAnswerReason reason, string detail, int? httpStatus, TimeSpan elapsed)
        where T : class =>
        new(null, reason, detail, httpStatus, elapsed);
}
