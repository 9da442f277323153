using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>What the service answered one hostile request.</summary>
public sealed record HostileAnswer(int Status, string Body);

/// <summary>
/// Sends hostile requests to a <see cref="HostileTarget"/> over loopback (headers as Latin-1, paths as given, bodies as
/// bytes) and judges each answer: never a 5xx; a 4xx when the case must be refused; nothing of the owner's
/// (<see cref="HostileVictim.Marker"/>) in an answer to anyone else. Counts answers by family and status.
/// </summary>
public sealed class HostileProbe : IDisposable
{
    /// <summary>The outcome "closed the connection before reading a body larger than <see cref="LargeBody"/> or a request
    /// line longer than <see cref="LargeRequestLine"/>": a limit refusing without an answer the client could read (not a
    /// 5xx, nothing done).</summary>
    public const int ClosedBeforeBodyRead = 0;

    private const int LargeBody = 16 * 1024;

    /// <summary>Kestrel's request-line limit (8 KiB): past it the answer is 414 and the connection may close mid-send.</summary>
    private const int LargeRequestLine = 8 * 1024;

    private readonly HostileTarget target;
    private readonly HttpClient http;

    public HostileProbe(HostileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        this.target = target;

        // Latin-1 headers: a hostile client sends bytes above 0x7F; .NET's default (ASCII) would refuse them before sending.
#pragma warning disable CA2000 // disposed with the HttpClient
        var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1, MaxConnectionsPerServer = 16 };
#pragma warning restore CA2000
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(90) };
    }

    /// <summary>(family, status) → answers.</summary>
    public ConcurrentDictionary<(string Family, int Status), int> Outcomes { get; } = new();

    /// <summary>Sends <paramref name="hostile"/>; throws <see cref="HostileViolationException"/> when the answer breaks a property.</summary>
    public async Task<HostileAnswer> CheckAsync(HostileCase hostile)
    {
        var answer = await SendAsync(hostile);
        Outcomes.AddOrUpdate((hostile.Family, answer.Status), 1, (_, n) => n + 1);
        if (Violation(hostile, answer) is { } violation)
        {
            throw new HostileViolationException($"{violation}{Environment.NewLine}request: {hostile}{Environment.NewLine}answer: HTTP {answer.Status} {Shorten(answer.Body)}");
        }

        return answer;
    }

    public async Task<HostileAnswer> SendAsync(HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        var uri = new Uri(target.ApiBase.ToString().TrimEnd('/') + "/" + hostile.PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(hostile.Method, uri);
        if (hostile.Caller switch
        {
            HostileCaller.None => null,
            HostileCaller.BadKey => "not-a-key-of-anyone-0000",
            var caller => target.Keys[caller],
        } is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (hostile.Body is { } body)
        {
            request.Content = hostile.Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            if (hostile.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var (name, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // A body past the limit is refused before it is read (401, 403, 413) and the connection closed; with
        // 100-continue the client waits for that answer instead of writing into the closed connection.
        var large = hostile.Body is { Length: > LargeBody } || hostile.PathAndQuery.Length > LargeRequestLine;
        request.Headers.ExpectContinue = large;
        try
        {
            using var response = await http.SendAsync(request);
            return new((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (large && e.InnerException is IOException)
        {
            return new(ClosedBeforeBodyRead, e.Message);
        }
    }

    /// <summary>Why the answer breaks a property, or null.</summary>
    public string? Violation(HostileCase hostile, HostileAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Status >= 500)
        {
            return $"a {answer.Status} for hostile input (only 4xx may answer bad input)";
        }

        if (hostile.MustBeRefused && answer.Status is < 400 or >= 500 && answer.Status != ClosedBeforeBodyRead)
        {
            return $"a {answer.Status} for input that must be refused with a 4xx";
        }

        if (hostile.Caller is not (HostileCaller.Owner or HostileCaller.Operator)
            && target.Victims.FirstOrDefault(v => answer.Body.Contains(v.Marker, StringComparison.Ordinal)) is { } leaked)
        {
            return $"the owner's cancellation {leaked.PaymentRequestId} (its bookingRef) in an answer to {hostile.Caller}";
        }

        return null;
    }

    public void Dispose() => http.Dispose();

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

/// <summary>An answer that breaks one of the hostile-input properties.</summary>
public sealed class HostileViolationException : Exception
{
    public HostileViolationException()
    {
    }

    public HostileViolationException(string message)
        : base(message)
    {
    }

    public HostileViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
