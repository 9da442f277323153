namespace CancelWorkflows.Workflows.Promotions;

/// <summary>One unpaid hold of a promotion, as the booking service lists it.</summary>
public sealed record UnpaidHold(string PaymentRequestId, string? BookingRef, HoldAmount? Amount);

public sealed record HoldAmount(string Currency, string Value);

/// <summary>A page of <c>GET &lt;holdsSourceUrl&gt;?promoId=&amp;pageToken=</c>; <c>NextPageToken</c> null on the last page.</summary>
public sealed record HoldsPage(IReadOnlyList<UnpaidHold> Holds, string? NextPageToken);

public sealed record HoldsPageRequest(string PromoId, string? PageToken);

/// <summary>Signal from a hold's cancel workflow to its promo run: the outcome is decided.</summary>
public sealed record HoldDecided(string PaymentRequestId, string? Outcome, string? Rule, bool Escalated, bool LateSuccess, bool StatusUnreadable = false);
