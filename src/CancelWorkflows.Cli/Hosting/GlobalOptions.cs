using System.CommandLine;
using CancelWorkflows.Cli.Parsing;

namespace CancelWorkflows.Cli.Hosting;

/// <summary>The options every command takes (recursive on the root command).</summary>
public sealed class GlobalOptions
{
    public const string UrlVariable = "CANCELWORKFLOWS_URL";
    public const string ApiKeyVariable = "CANCELWORKFLOWS_API_KEY";
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:5080");
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = $"The CancelWorkflows API (default: ${UrlVariable}, else {DefaultUrl.OriginalString})",
        HelpName = "url",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (ServiceConnection.TryParseUrl(text, out var url))
            {
                return url;
            }

            result.AddError($"--url: '{text}' is not an absolute http:// or https:// URL.");
            return null;
        },
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key sent as Bearer token (default: ${ApiKeyVariable}, else {ServiceConnection.DevApiKeyPath} in the working directory)",
        HelpName = "key",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine output: one JSON document on stdout",
        Recursive = true,
    };

    public Option<TimeSpan?> Timeout { get; } = WithRecursive(ValueOptions.Duration(
        "--timeout",
        $"How long to wait for each answer from the service (default {DurationText.Format(DefaultTimeout)}); watch: how long to follow (default {DurationText.Format(WatchDefaults.Timeout)})",
        minimum: TimeSpan.FromMilliseconds(100),
        maximum: TimeSpan.FromDays(1)));

    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Url);
        root.Add(ApiKey);
        root.Add(Json);
        root.Add(Timeout);
    }

    private static Option<T> WithRecursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
