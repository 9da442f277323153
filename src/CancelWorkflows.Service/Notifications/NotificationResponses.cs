using CancelWorkflows.Antom.Notifications;

namespace CancelWorkflows.Service.Notifications;

/// <summary>The three kinds of answer Antom gets: its exact acknowledgement, the failure body (it re-sends), or a refusal
/// (RFC 7807, naming the reason; Antom does not read it, people and logs do).</summary>
public static class NotificationResponses
{
    /// <summary>HTTP 200 with exactly <see cref="AntomNotificationAck.SuccessBody"/>: only once the notification is recorded.</summary>
    public static IResult Acknowledged() =>
        TypedResults.Text(AntomNotificationAck.SuccessBody, AntomNotificationAck.ContentType, statusCode: StatusCodes.Status200OK);

    /// <summary>HTTP 503 with <see cref="AntomNotificationAck.FailureBody"/>: not recorded, Antom sends it again.</summary>
    public static IResult NotAcknowledged() =>
        TypedResults.Text(AntomNotificationAck.FailureBody, AntomNotificationAck.ContentType, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>A 4xx problem: <c>reason</c> is the verdict (e.g. <c>rejected-bad-signature</c>), <c>detail</c> says why.</summary>
    public static IResult Refused(int statusCode, string verdict, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: statusCode,
            title: TitleOf(statusCode),
            extensions: new Dictionary<string, object?> { ["reason"] = verdict });

    private static string TitleOf(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => "The notification is not from Antom, not for this merchant, or not fresh; nothing was recorded",
        StatusCodes.Status413PayloadTooLarge => "The notification body is too large; nothing was recorded",
        _ => "The notification cannot be used; nothing was recorded",
    };
}
