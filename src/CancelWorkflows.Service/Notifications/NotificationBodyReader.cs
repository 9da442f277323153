using System.Buffers;

namespace CancelWorkflows.Service.Notifications;

/// <summary>Reads a notification's raw body (the exact bytes the signature covers), refusing more than a limit.</summary>
public static class NotificationBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (declared or actual): read no further.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                await body.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
