using System.Net.Sockets;
using CancelWorkflows.Cli.Hosting;
using CancelWorkflows.Cli.Parsing;
using CancelWorkflows.Client;

namespace CancelWorkflows.Cli.Failures;

/// <summary>Turns what went wrong into one clear line (never a stack trace) and the exit code docs/design.md asks for.</summary>
public static class FailureTranslator
{
    public const string StartServiceHint = "dotnet run --project src/CancelWorkflows.Service";
    private const int MaxDetailLength = 400;
    private const string HostNotFound = "host not found";

    public static Failure Translate(Exception exception, ServiceConnection? connection, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var url = connection?.DisplayUrl ?? GlobalOptions.DefaultUrl.OriginalString;
        return exception switch
        {
            UsageException e => new(ExitCodes.Usage, "usage", e.Message),
            CommandFailedException e => new(ExitCodes.Failed, "failed", e.Message),
            CancelWorkflowsAuthenticationException e => Unauthorized(e, connection),
            CancelWorkflowsForbiddenException e => Forbidden(e, connection),
            CancelWorkflowsRateLimitedException e => RateLimited(e, url),
            CancelWorkflowsApiException e => Api(e),
            CancelWorkflowsUnavailableException { StatusCode: { } status } e => Unavailable(url, status, e.Problem, e.Message),
            CancelWorkflowsUnavailableException e when e.InnerException is { } inner => NoAnswer(inner, url, requestTimeout),
            CancelWorkflowsUnavailableException e => new(ExitCodes.Failed, "unreachable", $"cannot reach CancelWorkflows at {url}: {OneLine(e.Message)}"),
            CancelWorkflowsException e => new(ExitCodes.Failed, "badAnswer", $"CancelWorkflows at {url} answered something cancelctl cannot read: {OneLine(e.Message)}"),
            HttpRequestException or TimeoutException or TaskCanceledException or SocketException => NoAnswer(exception, url, requestTimeout),
            _ => new(ExitCodes.Failed, "unexpected", $"unexpected error ({exception.GetType().Name}): {OneLine(exception.Message)}"),
        };
    }

    /// <summary>Collapses line breaks and cuts very long server text, so a message stays one readable line.</summary>
    public static string OneLine(string? text)
    {
        var line = string.Join(' ', (text ?? string.Empty).Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxDetailLength ? line : line[..MaxDetailLength] + "…";
    }

    private static Failure NoAnswer(Exception exception, string url, TimeSpan requestTimeout)
    {
        var timedOut = Unwrap(exception).Any(e => e is TimeoutException or TaskCanceledException);
        if (timedOut)
        {
            return new(ExitCodes.Failed, "timeout", $"CancelWorkflows at {url} did not answer within {DurationText.Format(requestTimeout)} (is it overloaded? raise --timeout)");
        }

        var reason = Reason(exception);
        var hint = reason == HostNotFound ? "check --url" : $"is it running? ({StartServiceHint})";
        return new(ExitCodes.Failed, "unreachable", $"cannot reach CancelWorkflows at {url}: {reason} — {hint}");
    }

    private static string Reason(Exception exception)
    {
        foreach (var e in Unwrap(exception))
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return HostNotFound;
                case SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.HostUnreachable }:
                    return "network unreachable";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset }:
                    return "connection reset";
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return HostNotFound;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return "TLS handshake failed";
                default:
                    break;
            }
        }

        return OneLine(Unwrap(exception).Last().Message);
    }

    private static Failure Unavailable(string url, int status, CancelWorkflowsProblem? problem, string message)
    {
        var said = OneLine(string.Join(": ", new[] { problem?.Title, problem?.Detail }.Where(t => !string.IsNullOrWhiteSpace(t))));
        var mentionsTemporal = said.Contains("Temporal", StringComparison.OrdinalIgnoreCase);
        var text = mentionsTemporal || status == 503
            ? $"CancelWorkflows at {url} cannot reach Temporal ({status}{(said.Length > 0 ? " " + said : string.Empty)}) — is the Temporal server running?"
            : $"CancelWorkflows at {url} failed: {OneLine(message)}";
        return new(ExitCodes.Failed, "unavailable", text, status, problem);
    }

    private static Failure Unauthorized(CancelWorkflowsAuthenticationException e, ServiceConnection? connection)
    {
        var how = $"pass --api-key or set ${GlobalOptions.ApiKeyVariable} (dev mode writes {ServiceConnection.DevApiKeyPath} in its working directory)";
        var text = connection?.ApiKey is null
            ? $"no API key: {how}"
            : $"the service refused the API key from {connection.ApiKeySource} (401): {how}";
        return new(ExitCodes.Failed, "unauthorized", text, 401, e.Problem);
    }

    private static Failure Forbidden(CancelWorkflowsForbiddenException e, ServiceConnection? connection)
    {
        var source = connection?.ApiKeySource is { } from ? $" (the key from {from})" : string.Empty;
        return new(ExitCodes.Failed, "forbidden", $"this API key{source} may not do this (403): {OneLine(e.Detail ?? e.Title ?? e.Message)} — use an operator's key", 403, e.Problem);
    }

    private static Failure RateLimited(CancelWorkflowsRateLimitedException e, string url)
    {
        var after = e.RetryAfter is { } wait ? $"; retry after {DurationText.Format(wait)}" : string.Empty;
        return new(ExitCodes.Failed, "rateLimited", $"CancelWorkflows at {url} is rate limiting this API key (429, nothing was done{after})", 429, e.Problem);
    }

    private static Failure Api(CancelWorkflowsApiException e)
    {
        if (e.StatusCode == 404)
        {
            return new(ExitCodes.Failed, "notFound", $"not found: {OneLine(e.Detail ?? e.Title ?? e.Message)}", e.StatusCode, e.Problem);
        }

        return new(ExitCodes.Failed, "api", $"the service refused: {OneLine(e.Message)}", e.StatusCode, e.Problem);
    }

    private static IEnumerable<Exception> Unwrap(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
