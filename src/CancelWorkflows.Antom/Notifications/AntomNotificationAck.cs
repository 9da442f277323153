namespace CancelWorkflows.Antom.Notifications;

/// <summary>
/// Bodies the ingress answers Antom with (HTTP 200, <see cref="ContentType"/>; unsigned, docs/antom-api.md §4). Antom stops
/// re-sending only on the exact <see cref="SuccessBody"/>; anything else — <see cref="FailureBody"/> included — is
/// "not acknowledged" and is re-sent (0 s, 2 min, 10 min, … within 24 h).
/// </summary>
public static class AntomNotificationAck
{
    /// <summary>The fixed acknowledgement (legacy SDK <c>NotifyResponseImpl.S</c>). Send it only after the signal was accepted.</summary>
    public const string SuccessBody = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    /// <summary>Not acknowledged (legacy SDK's <c>UNKNOWN_EXCEPTION</c>/<c>U</c>): Antom will re-send.</summary>
    public const string FailureBody = "{\"result\":{\"resultCode\":\"UNKNOWN_EXCEPTION\",\"resultStatus\":\"U\",\"resultMessage\":\"notification not processed, please retry\"}}";

    /// <summary>Content type of both bodies.</summary>
    public const string ContentType = "application/json; charset=UTF-8";
}
