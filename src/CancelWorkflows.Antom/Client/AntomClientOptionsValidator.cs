using System.ComponentModel.DataAnnotations;
using CancelWorkflows.Antom.Signing;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// What data annotations cannot say: each key is present exactly once (file or inline), readable and an RSA key of the
/// right kind; the timeout is positive. Messages name the setting (<c>Antom:MerchantPrivateKeyPath</c>) and never
/// contain key material. Only the default (unnamed) options instance is validated.
/// </summary>
internal sealed class AntomClientOptionsValidator(string section) : IValidateOptions<AntomClientOptions>
{
    public ValidateOptionsResult Validate(string? name, AntomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.Timeout)} must be a positive time span, e.g. 00:00:10.");
        }

        // [Url] only looks at the prefix (and allows ftp://); report what it lets through, once, without repeating its message.
        if (new UrlAttribute().IsValid(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != Uri.UriSchemeHttp && gateway.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{section}:{nameof(AntomClientOptions.GatewayUrl)} must be an absolute http:// or https:// URL.");
        }

        Check(() => AntomClientKeys.LoadMerchantPrivateKey(options, section), failures);
        Check(() => AntomClientKeys.LoadAntomPublicKey(options, section), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(Func<System.Security.Cryptography.RSA> load, List<string> failures)
    {
        try
        {
            using var rsa = load();
        }
        catch (AntomKeyException e)
        {
            failures.Add(e.Message);
        }
    }
}
