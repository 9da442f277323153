using System.Diagnostics.CodeAnalysis;
using CancelWorkflows.Antom.Client;
using CancelWorkflows.Contracts;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>
/// Which Antom merchant a start, a caller or a notification means, and which fallback applies when a start says none
/// (start, then its caller's <c>Api:Callers:&lt;caller&gt;:Fallback</c>, then its merchant's, then none). Names are matched
/// ignoring case and returned as configured (the default merchant by <c>Antom:MerchantName</c>), as cancellations record them.
/// </summary>
public sealed class AntomMerchantDirectory(IOptions<AntomMerchantsOptions> merchants, IOptions<AntomClientOptions> flat, IOptions<ApiOptions> api)
{
    private readonly AntomMerchantsOptions settings = merchants.Value;

    /// <summary>Where a cancellation's fallback came from, as its status says.</summary>
    public static class FallbackSources
    {
        public const string Request = "request";
        public const string Caller = "caller";
        public const string Merchant = "merchant";
        public const string Default = "default";
    }

    /// <summary><c>Antom:MerchantName</c>.</summary>
    public string DefaultName => settings.MerchantName;

    /// <summary>Every merchant's name, the default first.</summary>
    public IEnumerable<string> Names => new[] { DefaultName }.Concat(settings.Merchants.Keys.Order(StringComparer.Ordinal));

    /// <summary>True when <paramref name="name"/> is the default merchant or one under <c>Antom:Merchants</c>.</summary>
    public bool TryResolve(string name, [NotNullWhen(true)] out string? merchant)
    {
        merchant = settings.Resolve(name);
        return merchant is not null;
    }

    /// <summary>The field error of a start or promotion that names a merchant not configured here.</summary>
    public string UnknownMerchantMessage(string named) =>
        $"No Antom merchant '{named}' is configured; one of: {string.Join(", ", Names)} (or leave it out).";

    /// <summary>The merchant a start goes out as: the one it names, else its caller's default, else the default.</summary>
    public string MerchantOf(string? requested, string caller)
    {
        var name = requested ?? CallerOptions(caller)?.AntomMerchant;
        return name is not null && TryResolve(name, out var merchant) ? merchant : DefaultName;
    }

    /// <summary>The fallback of a start that gives <paramref name="requested"/> (null: it says nothing), and where it came from.</summary>
    public (string Fallback, string Source) FallbackOf(string? requested, string caller, string merchant)
    {
        if (requested is not null)
        {
            return (requested, FallbackSources.Request);
        }

        if (Normalized(CallerOptions(caller)?.Fallback) is { } byCaller)
        {
            return (byCaller, FallbackSources.Caller);
        }

        var byMerchant = merchant == DefaultName ? settings.Fallback : settings.Merchants.GetValueOrDefault(merchant)?.Fallback;
        return Normalized(byMerchant) is { } value ? (value, FallbackSources.Merchant) : (CancellationFallbacks.None, FallbackSources.Default);
    }

    /// <summary>The merchant whose client id a verified notification carries, or null when no configured merchant has it.</summary>
    public string? MerchantOfClientId(string clientId) =>
        string.Equals(clientId, flat.Value.ClientId, StringComparison.Ordinal)
            ? DefaultName
            : settings.Merchants.FirstOrDefault(m => string.Equals(m.Value.ClientId, clientId, StringComparison.Ordinal)).Key;

    /// <summary>Every merchant's Antom settings with the section they come from: the default's <c>Antom</c> first.</summary>
    public IEnumerable<(string Merchant, AntomClientOptions Options, string Section)> Settings =>
        new (string, AntomClientOptions, string)[] { (DefaultName, flat.Value, AntomClientOptions.SectionName) }
            .Concat(settings.Merchants.Select(m => (m.Key, (AntomClientOptions)m.Value, AntomMerchantsOptions.SectionOf(m.Key))));

    private ApiCallerOptions? CallerOptions(string caller) =>
        api.Value.Callers.TryGetValue(caller, out var options) ? options : null;

    private static string? Normalized(string? fallback) => string.IsNullOrWhiteSpace(fallback) ? null : fallback.Trim().ToLowerInvariant();
}
