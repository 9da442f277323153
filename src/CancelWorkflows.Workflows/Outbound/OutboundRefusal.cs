namespace CancelWorkflows.Workflows.Outbound;

/// <summary>Why an outbound call is refused. <see cref="Message"/> may be shown to callers: it names no address, resolved or
/// internal (only what the caller already gave); <see cref="Reason"/> is the metric tag.</summary>
public sealed record OutboundRefusal(string Reason, string Message)
{
    public const string AddressReason = "address";
    public const string NameReason = "name";
    public const string HostNotListedReason = "host-not-listed";
    public const string UserInfoReason = "userinfo";
    public const string SchemeReason = "scheme";

    public static OutboundRefusal Address { get; } = new(AddressReason, "the address is not allowed");

    public static OutboundRefusal Name { get; } = new(NameReason, "the host name is not allowed");

    public static OutboundRefusal HostNotListed { get; } =
        new(HostNotListedReason, "the host (and port) is not one of the callback hosts configured for this caller");

    public static OutboundRefusal UserInfo { get; } = new(UserInfoReason, "user information (user:password@) is not allowed in the URL");

    public static OutboundRefusal Scheme { get; } = new(SchemeReason, "only absolute http:// and https:// URLs are called");
}
