using System.Net;

namespace CancelWorkflows.Workflows.Outbound;

/// <summary>The HTTP plumbing of outbound calls: the handler every outbound client is built on, and capped reads.</summary>
public static class OutboundHttp
{
    /// <summary>
    /// A handler that connects only through <paramref name="connector"/>, follows no redirect (a redirect would be a new
    /// URL nobody checked), uses no proxy (a proxy would make the connection the check sees the proxy's, not the target's),
    /// keeps no cookies and bounds the connection time and the response headers.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(OutboundConnector connector, TimeSpan connectTimeout)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            ConnectTimeout = connectTimeout,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 16, // KiB
            MaxResponseDrainSize = 0,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>At most <paramref name="maxBytes"/> of the body; the rest is left unread (the connection is then dropped,
    /// not drained). <c>Truncated</c> when there was more.</summary>
    public static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read > maxBytes ? (buffer[..maxBytes], true) : (buffer[..read], false);
    }
}
