using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Checks <c>Temporal:*</c> at start-up; every message names the setting to fix.</summary>
public sealed class TemporalOptionsValidator : IValidateOptions<TemporalOptions>
{
    public ValidateOptionsResult Validate(string? name, TemporalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsDevMode && !IsHostAndPort(options.Address!))
        {
            failures.Add($"Temporal:Address '{options.Address}' must be host:port, e.g. temporal.example.com:7233.");
        }

        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            failures.Add("Temporal:Namespace must not be empty (the default is \"default\").");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiKey) && options.Tls == false)
        {
            failures.Add("Temporal:ApiKey is set but Temporal:Tls is false; an API key is never sent in clear text.");
        }

        if (!string.IsNullOrWhiteSpace(options.ServerName) && !options.UsesTls)
        {
            failures.Add("Temporal:ServerName is set but TLS is off; set Temporal:Tls to true.");
        }

        if (options.IsDevMode && !string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Temporal:ApiKey is set but Temporal:Address is not; dev mode's own server takes no key. Set Temporal:Address.");
        }

        var tlsFiles = new[] { options.ClientCertPath, options.ClientKeyPath, options.ServerCaCertPath };
        if (tlsFiles.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (options.IsDevMode)
            {
                failures.Add("Temporal:ClientCertPath, Temporal:ClientKeyPath or Temporal:ServerCaCertPath is set but Temporal:Address is not; dev mode's own server has no TLS. Set Temporal:Address.");
            }
            else if (options.Tls == false)
            {
                failures.Add("Temporal:ClientCertPath, Temporal:ClientKeyPath or Temporal:ServerCaCertPath is set but Temporal:Tls is false; certificates are only used over TLS.");
            }

            failures.AddRange(TemporalTlsFiles.Problems(options));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHostAndPort(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0
            && Uri.CheckHostName(address[..colon].Trim('[', ']')) != UriHostNameType.Unknown
            && int.TryParse(address[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }
}
