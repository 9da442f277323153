using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// Configuration section <c>Cancel</c>: timing of the workflow (A3/A4 retry delays, watch window, escalation) and the
/// merchant's narrowing of Antom's rules. Defaults are <see cref="CancelSettings"/>'s.
/// </summary>
public sealed class CancelOptions
{
    public const string Section = "Cancel";

    private static readonly CancelSettings Defaults = new();

    /// <summary>Delays before U-retry 1, 2, 3 (A3); at most three (A4). Empty: 10 s, 1 min, 5 min.</summary>
    /// <remarks>Deliberately empty by default: configuration binding appends to a list, so defaults here would merge
    /// index by index with configured entries.</remarks>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    public TimeSpan WatchWindow { get; set; } = Defaults.WatchWindow;

    /// <summary>How long a reconciliation started after the cancel closed stays open after its last notification.
    /// Unset → <see cref="WatchWindow"/>.</summary>
    public TimeSpan? ReconciliationWatchWindow { get; set; }

    public TimeSpan EscalationSla { get; set; } = Defaults.EscalationSla;

    public TimeSpan EscalationPollInterval { get; set; } = Defaults.EscalationPollInterval;

    /// <summary>After a late success (C5): how long Antom's refund may take before support is asked to check.</summary>
    public TimeSpan ReconciliationSla { get; set; } = Defaults.ReconciliationSla;

    /// <summary>While a refund is expected: how often Antom is asked whether it went through.</summary>
    public TimeSpan ReconciliationPollInterval { get; set; } = Defaults.ReconciliationPollInterval;

    /// <summary>While escalated, Antom is checked at <see cref="EscalationPollInterval"/>, then twice as long after each
    /// check, up to this.</summary>
    public TimeSpan EscalationMaxPollInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Added to <c>Antom:Timeout</c> for the StartToClose of each Antom activity: after a worker dies mid-call,
    /// the call is known lost (and resent) this long after the client itself would have given up. At least 1 s.</summary>
    public TimeSpan AntomCallMargin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long inquiryPayment is retried when it must confirm a final refusal that followed a lost answer
    /// (A3); past it the case goes to support (A4).</summary>
    public TimeSpan ConfirmationInquiryTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Base of Temporal Web links (e.g. https://temporal.example.com). Dev mode sets its own UI.</summary>
    public string? TemporalWebBaseUrl { get; set; }

    /// <summary><c>Cancel:Windows:*</c>: the merchant contract's narrower windows; unset ones stay Antom's.</summary>
    public CancelWindowsOptions Windows { get; set; } = new();

    /// <summary><c>Cancel:PaymentMethods:&lt;code&gt;</c> = a category name: narrows a catalogued method's row, or declares a
    /// code the catalogue lacks (at most W5); a widening is refused at start-up.</summary>
    public Dictionary<string, string> PaymentMethods { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Cancel:UnknownPaymentMethod</c>: <c>TreatAsOther</c> (W5, Antom's cancel answer decides) or <c>Refuse</c>
    /// (NotCancellable, nothing sent to Antom) for a payment whose method the catalogue does not know. A name, read by
    /// <see cref="TryGetUnknownPaymentMethod"/> so that a typo stops start-up with a message naming the setting.</summary>
    public string UnknownPaymentMethod { get; set; } = nameof(UnknownPaymentMethodPolicy.TreatAsOther);

    /// <summary>Reads <see cref="UnknownPaymentMethod"/>: a policy name in any case.</summary>
    public bool TryGetUnknownPaymentMethod(out UnknownPaymentMethodPolicy policy) => TryParseName(UnknownPaymentMethod, out policy);

    /// <summary>An enum setting by name, in any case; never a number: a number in configuration is a typo, not a choice.</summary>
    public static bool TryParseName<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        result = default;
        var name = value?.Trim();
        return !string.IsNullOrEmpty(name)
            && !char.IsAsciiDigit(name[0])
            && Enum.TryParse(name, ignoreCase: true, out result)
            && Enum.IsDefined(result);
    }

    /// <summary>The retry delays in force: the configured ones, or A3's defaults when none are configured.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0 ? RetryDelays : Defaults.RetryDelays;
}
