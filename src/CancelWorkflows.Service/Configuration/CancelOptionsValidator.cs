using CancelWorkflows.Domain;
using CancelWorkflows.Workflows.Cancel;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Cancel:*</c> at start-up, so a bad value stops the service instead of a cancellation.</summary>
public sealed class CancelOptionsValidator : IValidateOptions<CancelOptions>
{
    public ValidateOptionsResult Validate(string? name, CancelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RetryDelays.Count > CancelSettings.MaxRetries)
        {
            failures.Add(
                $"Cancel:RetryDelays has {options.RetryDelays.Count} entries; A4 allows at most {CancelSettings.MaxRetries} " +
                "U-retries after the first cancel call, so give at most 3 delays (default 00:00:10, 00:01:00, 00:05:00).");
        }

        for (var i = 0; i < options.RetryDelays.Count; i++)
        {
            if (options.RetryDelays[i] <= TimeSpan.Zero)
            {
                failures.Add($"Cancel:RetryDelays:{i} must be a positive time span, e.g. 00:00:10.");
            }
        }

        Positive(options.WatchWindow, "Cancel:WatchWindow", failures);
        if (options.ReconciliationWatchWindow is { } reconciliationWindow)
        {
            Positive(reconciliationWindow, "Cancel:ReconciliationWatchWindow", failures);
        }

        Positive(options.EscalationSla, "Cancel:EscalationSla", failures);
        Positive(options.EscalationPollInterval, "Cancel:EscalationPollInterval", failures);
        Positive(options.ReconciliationSla, "Cancel:ReconciliationSla", failures);
        Positive(options.ReconciliationPollInterval, "Cancel:ReconciliationPollInterval", failures);
        if (options.EscalationMaxPollInterval < options.EscalationPollInterval)
        {
            failures.Add("Cancel:EscalationMaxPollInterval must be at least Cancel:EscalationPollInterval (the check backs off from one to the other).");
        }

        if (options.AntomCallMargin < TimeSpan.FromSeconds(1))
        {
            failures.Add(
                "Cancel:AntomCallMargin must be at least 00:00:01: it is added to Antom:Timeout for each Antom activity's StartToClose, " +
                "and a smaller one would count calls as lost while the client still waits for Antom's answer.");
        }

        Positive(options.ConfirmationInquiryTimeout, "Cancel:ConfirmationInquiryTimeout", failures);

        if (!string.IsNullOrWhiteSpace(options.TemporalWebBaseUrl)
            && (!Uri.TryCreate(options.TemporalWebBaseUrl, UriKind.Absolute, out var web) || (web.Scheme != Uri.UriSchemeHttp && web.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("Cancel:TemporalWebBaseUrl must be an absolute http:// or https:// URL.");
        }

        // The overrides are checked against the windows in force; when those are refused too, against Antom's.
        var windows = CancelWindows.Antom;
        try
        {
            windows = options.Windows.ToWindows();
        }
        catch (CancelWindowsException e)
        {
            failures.Add(e.Message + ".");
        }

        failures.AddRange(PaymentMethodOverrides.Check(options.PaymentMethods, windows));

        if (!options.TryGetUnknownPaymentMethod(out _))
        {
            failures.Add(
                $"Cancel:UnknownPaymentMethod = '{options.UnknownPaymentMethod}' is not a policy; use {nameof(UnknownPaymentMethodPolicy.TreatAsOther)} " +
                $"(default: W5, Antom's cancel answer decides) or {nameof(UnknownPaymentMethodPolicy.Refuse)} (not cancellable, nothing sent to Antom).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be a positive time span.");
        }
    }
}
