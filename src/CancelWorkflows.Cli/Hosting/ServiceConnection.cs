using CancelWorkflows.Cli.Failures;

namespace CancelWorkflows.Cli.Hosting;

/// <summary>Where the API is and how to authenticate: from the options, else the environment, else dev mode's defaults.</summary>
/// <param name="Url">The API's base address.</param>
/// <param name="ApiKey">The Bearer key; null when none was found (the service then answers 401).</param>
/// <param name="ApiKeySource">Where the key came from, for messages (<c>--api-key</c>, the variable, the dev key file).</param>
public sealed record ServiceConnection(Uri Url, string? ApiKey, string ApiKeySource)
{
    /// <summary>Dev mode's key file, relative to the working directory (docs/design.md, "Dev mode").</summary>
    public static readonly string DevApiKeyPath = Path.Combine(".cancelworkflows", "keys", "dev-api-key");

    public static ServiceConnection Resolve(Uri? urlOption, string? apiKeyOption, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var url = urlOption ?? UrlFromEnvironment(host) ?? GlobalOptions.DefaultUrl;
        if (!string.IsNullOrWhiteSpace(apiKeyOption))
        {
            return new(url, apiKeyOption.Trim(), "--api-key");
        }

        if (host.Environment(GlobalOptions.ApiKeyVariable) is { } fromVariable && !string.IsNullOrWhiteSpace(fromVariable))
        {
            return new(url, fromVariable.Trim(), "$" + GlobalOptions.ApiKeyVariable);
        }

        var devKeyFile = Path.Combine(host.WorkingDirectory, DevApiKeyPath);
        if (File.Exists(devKeyFile) && File.ReadAllText(devKeyFile).Trim() is { Length: > 0 } devKey)
        {
            return new(url, devKey, DevApiKeyPath);
        }

        return new(url, null, "none");
    }

    public static bool TryParseUrl(string? text, out Uri url)
    {
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = GlobalOptions.DefaultUrl;
        return false;
    }

    /// <summary>The URL as people typed it, without a trailing slash.</summary>
    public string DisplayUrl => Url.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static Uri? UrlFromEnvironment(CliHost host)
    {
        var text = host.Environment(GlobalOptions.UrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParseUrl(text, out var url)
            ? url
            : throw new UsageException($"${GlobalOptions.UrlVariable}: '{text}' is not an absolute http:// or https:// URL.");
    }
}
