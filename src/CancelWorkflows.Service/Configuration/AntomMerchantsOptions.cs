using CancelWorkflows.Antom.Client;
using CancelWorkflows.Workflows.Activities;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// The Antom merchant accounts of a deployment, from section <c>Antom</c>: the flat <c>Antom:*</c> settings are the
/// default merchant (named <see cref="MerchantName"/>), and each <c>Antom:Merchants:&lt;name&gt;:*</c> is another, with the
/// same settings as the flat one (client id, gateway, keys, rotation key, merchantAccountId, timeout) plus its contract's
/// narrowed windows and a default fallback.
/// </summary>
public sealed class AntomMerchantsOptions
{
    public const string MerchantsSection = "Antom:Merchants";

    /// <summary><c>Antom:MerchantName</c>: the default merchant's name, as starts, callers and the status name it.</summary>
    public string MerchantName { get; set; } = AntomMerchants.DefaultName;

    /// <summary><c>Antom:Fallback</c>: the default merchant's fallback when neither the start nor its caller says one.</summary>
    public string? Fallback { get; set; }

    /// <summary><c>Antom:Merchants:&lt;name&gt;</c>.</summary>
    public Dictionary<string, AntomMerchantOptions> Merchants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured name <paramref name="name"/> means, ignoring case (the default's or one under
    /// <c>Antom:Merchants</c>), or null when no merchant has it.</summary>
    public string? Resolve(string name) =>
        string.Equals(name, MerchantName, StringComparison.OrdinalIgnoreCase)
            ? MerchantName
            : Merchants.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The section of one named merchant's settings, as messages name them.</summary>
    public static string SectionOf(string merchant) => $"{MerchantsSection}:{merchant}";
}

/// <summary>One merchant under <c>Antom:Merchants:&lt;name&gt;</c>.</summary>
public sealed class AntomMerchantOptions : AntomClientOptions
{
    /// <summary><c>Antom:Merchants:&lt;name&gt;:Windows:*</c>: this merchant's contract narrows the deployment's
    /// <c>Cancel:Windows</c> (never widens them); unset ones are the deployment's.</summary>
    public CancelWindowsOptions Windows { get; set; } = new();

    /// <summary><c>Antom:Merchants:&lt;name&gt;:Fallback</c>: <c>refund</c> or <c>none</c> when neither the start nor its caller says.</summary>
    public string? Fallback { get; set; }
}
