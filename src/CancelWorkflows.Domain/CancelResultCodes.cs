using System.Collections.Frozen;

namespace CancelWorkflows.Domain;

/// <summary>One row of the cancel result-code table.</summary>
/// <param name="Code">Antom's <c>resultCode</c>.</param>
/// <param name="Kind">What it means for the workflow, whatever <c>resultStatus</c> came with it (except SUCCESS, see the classifier).</param>
/// <param name="Meaning">Antom's meaning, paraphrased, and where it was seen.</param>
/// <param name="Rule">The rule id it relates to.</param>
/// <param name="Advice">What to do, a <see cref="CancelAdvice"/> constant.</param>
/// <param name="Retry">Whether resending the same request is the right move.</param>
public sealed record CancelResultCode(string Code, CancelAnswerKind Kind, string Meaning, string? Rule, string? Advice, bool Retry);

/// <summary>
/// Antom's cancel result codes (docs/antom-api.md §1), as data. A code listed here decides the classification even when it
/// arrives with an unexpected <c>resultStatus</c>; a code not listed follows its <c>resultStatus</c>.
/// </summary>
public static class CancelResultCodes
{
    public const string Success = "SUCCESS";
    public const string CancelWindowExceed = "CANCEL_WINDOW_EXCEED";
    public const string ProcessFail = "PROCESS_FAIL";
    public const string OrderNotExist = "ORDER_NOT_EXIST";
    public const string OrderStatusInvalid = "ORDER_STATUS_INVALID";
    public const string UnknownException = "UNKNOWN_EXCEPTION";
    public const string RequestTrafficExceedLimit = "REQUEST_TRAFFIC_EXCEED_LIMIT";
    public const string InvalidSignature = "INVALID_SIGNATURE";
    public const string KeyNotFound = "KEY_NOT_FOUND";
    public const string ClientInvalid = "CLIENT_INVALID";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string InvalidClientStatus = "INVALID_CLIENT_STATUS";
    public const string ParamIllegal = "PARAM_ILLEGAL";
    public const string MediaTypeNotAcceptable = "MEDIA_TYPE_NOT_ACCEPTABLE";
    public const string InvalidApi = "INVALID_API";
    public const string MethodNotSupported = "METHOD_NOT_SUPPORTED";
    public const string NoInterfaceDef = "NO_INTERFACE_DEF";

    private const string CancelPage = "Antom cancel API error codes";
    private const string CommonCodes = "Antom common error code; not seen on the cancel page (docs/antom-api.md §1 NOT VERIFIED)";

    /// <summary>The table, keyed ignoring case (Antom sends upper case; case is not a reason to misread a code).</summary>
    public static IReadOnlyDictionary<string, CancelResultCode> Table { get; } = new CancelResultCode[]
    {
        new(Success, CancelAnswerKind.Cancelled, $"cancelled; mark the order cancelled ({CancelPage})", CancelRules.A3, null, false),
        new(CancelWindowExceed, CancelAnswerKind.WindowExceeded, $"outside the contractual cancel period; issue a refund instead ({CancelPage})", CancelRules.AnyWindow, CancelAdvice.RefundInstead, false),
        new(ProcessFail, CancelAnswerKind.AlreadyRefunded, "the payment has been refunded (fully or partially) and cannot be cancelled (seed notes; payment_status_desc)", CancelRules.N1, CancelAdvice.AlreadyRefunded, false),
        new(OrderNotExist, CancelAnswerKind.NotFound, $"order not found; check paymentId ({CancelPage})", CancelRules.A2, CancelAdvice.CheckPaymentIdentifiers, false),
        new(OrderStatusInvalid, CancelAnswerKind.Rejected, $"the payment's status does not allow a cancel ({CancelPage}; row truncated in the stored docs)", CancelRules.A3, CancelAdvice.InspectResultCode, false),
        new(UnknownException, CancelAnswerKind.Unknown, "Antom hit an unknown error; outcome unknown, resend (U elsewhere in Antom docs)", CancelRules.A3, CancelAdvice.ResendSameRequest, true),
        new(RequestTrafficExceedLimit, CancelAnswerKind.Unknown, $"rate limited; nothing was decided, resend later ({CommonCodes})", CancelRules.A3, CancelAdvice.ResendSameRequest, true),
        new(ClientInvalid, CancelAnswerKind.ConfigurationError, $"the client is invalid; check the client id ({CancelPage})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(AccessDenied, CancelAnswerKind.ConfigurationError, $"access denied ({CancelPage})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(InvalidSignature, CancelAnswerKind.ConfigurationError, $"Antom could not verify our signature: wrong key or signed content ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(KeyNotFound, CancelAnswerKind.ConfigurationError, $"no public key registered for the client / key version ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(InvalidClientStatus, CancelAnswerKind.ConfigurationError, $"the client is not in a usable state ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        // Our request was malformed. A2 validation should make this impossible, so it is a defect for an engineer,
        // not a business refusal of this payment: same handling as a configuration error.
        new(ParamIllegal, CancelAnswerKind.ConfigurationError, $"illegal request parameters ({CommonCodes})", CancelRules.A2, CancelAdvice.CheckConfiguration, false),
        new(MediaTypeNotAcceptable, CancelAnswerKind.ConfigurationError, $"content type not accepted ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(InvalidApi, CancelAnswerKind.ConfigurationError, $"the API path is not valid ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(MethodNotSupported, CancelAnswerKind.ConfigurationError, $"HTTP method not supported ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
        new(NoInterfaceDef, CancelAnswerKind.ConfigurationError, $"no API defined at that path ({CommonCodes})", CancelRules.A3, CancelAdvice.CheckConfiguration, false),
    }.ToFrozenDictionary(row => row.Code, StringComparer.OrdinalIgnoreCase);
}
