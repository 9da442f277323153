using System.Collections.Frozen;

namespace CancelWorkflows.Domain;

/// <summary>One row of the refund result-code table.</summary>
/// <param name="Code">Antom's <c>resultCode</c>.</param>
/// <param name="Kind">What it means, whatever <c>resultStatus</c> came with it (except SUCCESS, see the classifier).</param>
/// <param name="Rejection">Why, for <see cref="RefundAnswerKind.Rejected"/>.</param>
/// <param name="Meaning">Antom's meaning, paraphrased.</param>
/// <param name="Source">Where Antom documents the code for refunds, or why it is here without such a page.</param>
/// <param name="Rule">The refund rule it relates to.</param>
/// <param name="Advice">What to do, a <see cref="RefundAdvice"/> constant.</param>
/// <param name="Retry">Whether resending the same request is the right move.</param>
public sealed record RefundResultCode(
    string Code, RefundAnswerKind Kind, RefundRejection? Rejection, string Meaning, string Source, string Rule, string? Advice, bool Retry);

/// <summary>
/// Antom's refund result codes (docs/antom-api.md §3), as data. A code listed here decides the classification even when it
/// arrives with an unexpected <c>resultStatus</c>; a code not listed follows its <c>resultStatus</c>.
/// </summary>
public static class RefundResultCodes
{
    public const string Success = "SUCCESS";
    public const string RefundInProcess = "REFUND_IN_PROCESS";
    public const string RefundWindowExceed = "REFUND_WINDOW_EXCEED";
    public const string RefundAmountExceed = "REFUND_AMOUNT_EXCEED";
    public const string CurrencyNotSupport = "CURRENCY_NOT_SUPPORT";
    public const string PaymentMethodNotSupported = "PAYMENT_METHOD_NOT_SUPPORTED";
    public const string RefundNotSupported = "REFUND_NOT_SUPPORTED";
    public const string PartialRefundNotSupported = "PARTIAL_REFUND_NOT_SUPPORTED";
    public const string OrderStatusInvalid = "ORDER_STATUS_INVALID";
    public const string OrderIsCanceled = "ORDER_IS_CANCELED";
    public const string OrderNotExist = "ORDER_NOT_EXIST";
    public const string MerchantBalanceNotEnough = "MERCHANT_BALANCE_NOT_ENOUGH";
    public const string UnknownException = "UNKNOWN_EXCEPTION";
    public const string ParamIllegal = "PARAM_ILLEGAL";

    /// <summary>The refund guide's table of refusals, and REFUND_IN_PROCESS for an accepted asynchronous refund.</summary>
    public const string RefundGuide = "https://docs.antom.com/ac/scantobind_cn/refund (refund guide, Table 1)";

    /// <summary>The marketplace refund guide's table of requirements and their codes, and U REFUND_IN_PROCESS.</summary>
    public const string MarketplaceRefundGuide = "https://docs.antom.com/ac/marketplace/refund?lang=zh-cn (Table 1)";

    /// <summary>Antom's release notes, which name codes added to the refund API.</summary>
    public const string ReleaseNotes = "https://global.alipay.com/docs/releasenotes";

    private const string Common = "Antom common code (docs/antom-api.md §1); not seen on a refund page: NOT VERIFIED for refund";

    /// <summary>The table, keyed ignoring case.</summary>
    public static IReadOnlyDictionary<string, RefundResultCode> Table { get; } = Rows().ToFrozenDictionary(row => row.Code, StringComparer.OrdinalIgnoreCase);

    private static RefundResultCode[] Rows() =>
    [
        new(Success, RefundAnswerKind.Refunded, null, "the refund succeeded",
            "https://docs.antom.com/ac/ams_zh-cn/refund_online (result: the call succeeded, so did the refund)", RefundRules.RF6, null, false),
        new(RefundInProcess, RefundAnswerKind.Processing, null, "accepted, in process; the result follows by notifyRefund or inquiryRefund",
            $"{MarketplaceRefundGuide}; {RefundGuide}", RefundRules.RF6, RefundAdvice.AwaitResult, false),
        new(RefundWindowExceed, RefundAnswerKind.Rejected, RefundRejection.WindowExceeded, "the refund date is past the refund period",
            $"{RefundGuide}; {MarketplaceRefundGuide}", RefundRules.RF3, RefundAdvice.RefundOutsideAntom, false),
        new(RefundAmountExceed, RefundAnswerKind.Rejected, RefundRejection.AmountExceeded, "more than the amount left to refund",
            MarketplaceRefundGuide, RefundRules.RF2, RefundAdvice.CheckAmount, false),
        new(CurrencyNotSupport, RefundAnswerKind.Rejected, RefundRejection.CurrencyMismatch, "the refund's currency is not the payment's",
            MarketplaceRefundGuide, RefundRules.RF2, RefundAdvice.CheckAmount, false),
        new(PaymentMethodNotSupported, RefundAnswerKind.Rejected, RefundRejection.MethodNotRefundable, "the payment's method does not support refund",
            $"{RefundGuide}; {ReleaseNotes} (September 2022: renamed in the refund API)", RefundRules.RF4, RefundAdvice.RefundOutsideAntom, false),
        new(RefundNotSupported, RefundAnswerKind.Rejected, RefundRejection.MethodNotRefundable, "refund not supported (the code's earlier name)",
            $"{ReleaseNotes} (July 2022: added to the refund API)", RefundRules.RF4, RefundAdvice.RefundOutsideAntom, false),
        new(PartialRefundNotSupported, RefundAnswerKind.Rejected, RefundRejection.PartialRefundNotSupported, "the payment's method refunds only in full",
            $"{RefundGuide}; {ReleaseNotes} (July 2022)", RefundRules.RF4, RefundAdvice.CheckAmount, false),
        new(OrderStatusInvalid, RefundAnswerKind.Rejected, RefundRejection.PaymentNotRefundable, "the payment is not successful (a card payment: not captured)",
            $"{RefundGuide}; {MarketplaceRefundGuide}", RefundRules.RF5, RefundAdvice.CheckPayment, false),
        new(OrderIsCanceled, RefundAnswerKind.Rejected, RefundRejection.PaymentCancelled, "the payment was cancelled",
            $"{ReleaseNotes} (November 2023: added to the refund API)", RefundRules.RF5, RefundAdvice.CheckPayment, false),
        new(OrderNotExist, RefundAnswerKind.Rejected, RefundRejection.PaymentNotFound, "Antom does not know the payment",
            Common, RefundRules.RF1, RefundAdvice.CheckPayment, false),
        new(MerchantBalanceNotEnough, RefundAnswerKind.Rejected, RefundRejection.MerchantBalanceInsufficient, "the merchant's balance cannot cover the refund",
            RefundGuide, RefundRules.RF2, RefundAdvice.TopUpBalance, false),
        new(UnknownException, RefundAnswerKind.Unknown, null, "unknown error; outcome unknown, resend",
            $"{Common}; the refund page says: on U resend with the same refundRequestId", RefundRules.RF1, RefundAdvice.ResendSameRequest, true),
        new(CancelResultCodes.RequestTrafficExceedLimit, RefundAnswerKind.Unknown, null, "rate limited; nothing was decided, resend later",
            Common, RefundRules.RF1, RefundAdvice.ResendSameRequest, true),
        .. ConfigurationCodes().Select(code => new RefundResultCode(
            code, RefundAnswerKind.Rejected, RefundRejection.ConfigurationError, "our client, key, signature or request is wrong",
            Common, RefundRules.RF1, RefundAdvice.CheckConfiguration, false)),
    ];

    // The cancel table's configuration errors are Antom's common codes: the same on every API.
    private static IEnumerable<string> ConfigurationCodes() =>
        CancelResultCodes.Table.Values.Where(row => row.Kind == CancelAnswerKind.ConfigurationError).Select(row => row.Code);
}
