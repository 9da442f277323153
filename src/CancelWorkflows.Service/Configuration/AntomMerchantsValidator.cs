using CancelWorkflows.Antom.Client;
using CancelWorkflows.Contracts;
using CancelWorkflows.Domain;
using CancelWorkflows.Service.Api;
using CancelWorkflows.Service.Hosting;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// Refuses at start-up what would send a call as the wrong merchant or allow more than a contract does: a merchant name a
/// start could not give, a merchant without what this process needs of it (a worker: client id, gateway, both keys; an
/// ingress: client id and Antom's key), two merchants with one client id (a notification would not say whose it is), a
/// window wider than the deployment's (W3–W5, C5: narrow, never widen), an unknown fallback, a caller whose default
/// merchant or fallback does not exist. Messages name the settings and never contain key material.
/// </summary>
public sealed class AntomMerchantsValidator(ServiceMode mode, IOptions<AntomClientOptions> flat, IOptions<CancelOptions> cancel, IOptions<ApiOptions> api)
    : IValidateOptions<AntomMerchantsOptions>
{
    public ValidateOptionsResult Validate(string? name, AntomMerchantsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        NameProblem("Antom:MerchantName", options.MerchantName, failures);
        FallbackProblem("Antom:Fallback", options.Fallback, failures);

        // A merchant's windows are checked against the deployment's; refused deployment windows are Cancel's own message.
        CancelWindows? deployment;
        try
        {
            deployment = cancel.Value.Windows.ToWindows();
        }
        catch (CancelWindowsException)
        {
            deployment = null;
        }

        var clientIds = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(flat.Value.ClientId))
        {
            clientIds[flat.Value.ClientId] = "Antom:ClientId";
        }

        foreach (var (merchant, settings) in options.Merchants.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var section = AntomMerchantsOptions.SectionOf(merchant);
            NameProblem($"{AntomMerchantsOptions.MerchantsSection} name '{merchant}'", merchant, failures);
            if (string.Equals(merchant, options.MerchantName, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{section} has the default merchant's name (Antom:MerchantName = {options.MerchantName}); give it another name, or rename the default.");
            }

            if (mode.Runs(ServiceRoles.Worker))
            {
                failures.AddRange(AntomSettingsCheck.ClientProblems(settings, section));
            }
            else if (mode.Runs(ServiceRoles.Ingress))
            {
                failures.AddRange(AntomSettingsCheck.NotificationKeyProblems(settings, section));
            }
            else if (string.IsNullOrWhiteSpace(settings.ClientId))
            {
                failures.Add($"{section}:{nameof(AntomClientOptions.ClientId)} is required (the client id from Antom Dashboard).");
            }

            if (!string.IsNullOrWhiteSpace(settings.ClientId) && !clientIds.TryAdd(settings.ClientId, $"{section}:ClientId"))
            {
                failures.Add($"{section}:ClientId is also {clientIds[settings.ClientId]}: each merchant needs its own client id, or a notification would not say whose it is.");
            }

            if (deployment is not null)
            {
                try
                {
                    settings.Windows.ToWindowsWithin(deployment, $"{section}:Windows");
                }
                catch (CancelWindowsException e)
                {
                    failures.Add(e.Message + ".");
                }
            }

            FallbackProblem($"{section}:Fallback", settings.Fallback, failures);
        }

        foreach (var (caller, callerOptions) in api.Value.Callers.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (callerOptions.AntomMerchant is { } merchant && options.Resolve(merchant) is null)
            {
                failures.Add(
                    $"Api:Callers:{caller}:AntomMerchant = '{merchant}' is not a configured merchant " +
                    $"(Antom:MerchantName = {options.MerchantName}{string.Concat(options.Merchants.Keys.Order(StringComparer.Ordinal).Select(k => $", {AntomMerchantsOptions.MerchantsSection}:{k}"))}).");
            }

            FallbackProblem($"Api:Callers:{caller}:Fallback", callerOptions.Fallback, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void NameProblem(string setting, string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > StartCancellationValidation.MaxMerchantLength || !StartCancellationValidation.IsSearchable(value))
        {
            failures.Add($"{setting} must be a name of 1 to {StartCancellationValidation.MaxMerchantLength} characters without quotes, backslashes or control characters.");
        }
    }

    private static void FallbackProblem(string setting, string? value, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && !CancellationFallbacks.All.Contains(value.Trim().ToLowerInvariant(), StringComparer.Ordinal))
        {
            failures.Add($"{setting} = '{value}' is not a fallback; one of: {string.Join(", ", CancellationFallbacks.All)}.");
        }
    }
}
