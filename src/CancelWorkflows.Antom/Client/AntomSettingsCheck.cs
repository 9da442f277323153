using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// The start-up checks of one merchant's Antom settings, wherever they sit (<c>Antom</c> or <c>Antom:Merchants:&lt;name&gt;</c>):
/// each message names the setting under <paramref name="section"/> and never contains key material.
/// </summary>
public static class AntomSettingsCheck
{
    /// <summary>What a process that calls Antom needs: client id, an http(s) gateway, a positive timeout, the merchant's
    /// private key, Antom's public key (and the next one during a rotation), each loadable.</summary>
    /// <param name="requiredFields">Also report a missing client id or gateway (the <c>Antom</c> section leaves that to its data annotations).</param>
    public static IReadOnlyList<string> ClientProblems(AntomClientOptions options, string section, bool requiredFields = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (requiredFields && string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.ClientId)} is required (the client id from Antom Dashboard).");
        }

        if (requiredFields && string.IsNullOrWhiteSpace(options.GatewayUrl))
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.GatewayUrl)} is required (the Antom gateway, e.g. https://open-sea-global.alipay.com).");
        }
        else if ((requiredFields || new UrlAttribute().IsValid(options.GatewayUrl))
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != Uri.UriSchemeHttp && gateway.Scheme != Uri.UriSchemeHttps)))
        {
            // [Url] only looks at the prefix (and allows ftp://); report what it lets through, once.
            failures.Add($"{section}:{nameof(AntomClientOptions.GatewayUrl)} must be an absolute http:// or https:// URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.Timeout)} must be a positive time span, e.g. 00:00:10.");
        }

        Check(() => [AntomClientKeys.LoadMerchantPrivateKey(options, section)], failures);
        Check(() => AntomClientKeys.LoadAntomPublicKeys(options, section), failures);
        return failures;
    }

    /// <summary>What a process that only verifies Antom's notifications needs: the client id and Antom's public key(s).</summary>
    public static IReadOnlyList<string> NotificationKeyProblems(AntomClientOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.ClientId)} is required (the client id from Antom Dashboard; Antom's notifications carry it).");
        }

        Check(() => AntomClientKeys.LoadAntomPublicKeys(options, section), failures);
        return failures;
    }

    private static void Check(Func<IReadOnlyList<RSA>> load, List<string> failures)
    {
        try
        {
            foreach (var key in load())
            {
                key.Dispose();
            }
        }
        catch (AntomKeyException e)
        {
            failures.Add(e.Message);
        }
    }
}
