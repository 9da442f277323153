using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CancelWorkflows.Cli.Tests.Infrastructure;

/// <summary>
/// The CancelWorkflows API as a table of canned answers (method + path → status and JSON), recording every request.
/// A request with no answer gets 501, so a test sees it.
/// </summary>
public sealed class FakeApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<(string Method, string Path), Func<RecordedRequest, (HttpStatusCode Status, string? Body)>> answers = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<(string Method, string Path), bool> hanging = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public FakeApi On(HttpMethod method, string path, HttpStatusCode status, object? body) =>
        On(method, path, _ => (status, body));

    /// <summary>Answers computed per request (e.g. the next page, a status that moves on).</summary>
    public FakeApi On(HttpMethod method, string path, Func<RecordedRequest, (HttpStatusCode Status, object? Body)> answer)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(answer);
        answers[(method.Method, path)] = request =>
        {
            var (status, body) = answer(request);
            return (status, body is null ? null : body as string ?? JsonSerializer.Serialize(body, Json));
        };
        return this;
    }

    /// <summary>Never answers (until the caller gives up): a service that hangs.</summary>
    public FakeApi Hang(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        hanging[(method.Method, path)] = true;
        return this;
    }

    public static object Problem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        new { type = "about:blank", title, status, detail, errors };

    internal async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            body);
        requests.Enqueue(recorded);
        if (hanging.ContainsKey((request.Method.Method, request.RequestUri!.AbsolutePath)))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (!answers.TryGetValue((request.Method.Method, request.RequestUri!.AbsolutePath), out var answer))
        {
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent($"no fake answer for {request.Method} {request.RequestUri}") };
        }

        var (status, json) = answer(recorded);
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            var mediaType = (int)status >= 400 ? "application/problem+json" : "application/json";
            response.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }

        return response;
    }
}

/// <summary>One request the fake API received.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Query(string name) => System.Web.HttpUtility.ParseQueryString(Uri.Query)[name];

    public JsonElement BodyJson() => JsonDocument.Parse(Body ?? "null").RootElement.Clone();
}
