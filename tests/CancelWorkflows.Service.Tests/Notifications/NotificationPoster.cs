using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CancelWorkflows.Antom.Notifications;

namespace CancelWorkflows.Service.Tests.Notifications;

/// <summary>Posts notifications to the ingress as plain HTTP, the way Antom does (no API key; its own signature).</summary>
public sealed class NotificationPoster(Uri apiBase, AntomSigner antom, string path = NotificationPoster.Path) : IDisposable
{
    public const string Path = "/v1/antom/notifications";

    private readonly HttpClient http = new() { BaseAddress = apiBase, Timeout = TimeSpan.FromSeconds(30) };

    public AntomSigner Antom { get; } = antom;

    /// <summary>Signed by Antom's key now (or at <paramref name="at"/>), then posted.</summary>
    public Task<Answer> PostSignedAsync(byte[] body, DateTimeOffset? at = null) => PostAsync(body, Antom.Headers(path, body, at));

    public async Task<Answer> PostAsync(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();

    /// <summary>What came back: status, media type, body.</summary>
    public sealed record Answer(int Status, string? MediaType, string Body)
    {
        public bool IsExactAcknowledgement => Status == 200 && MediaType == "application/json" && Body == AntomNotificationAck.SuccessBody;

        public bool IsFailureBody => Body == AntomNotificationAck.FailureBody;

        /// <summary>The RFC 7807 problem's <c>reason</c> (the verdict), or null when the body is not a problem.</summary>
        public string? ProblemReason => MediaType == "application/problem+json" ? (string?)JsonNode.Parse(Body)?["reason"] : null;

        public override string ToString() => $"HTTP {Status} {MediaType}: {Body}";
    }
}
