using Microsoft.AspNetCore.Http.HttpResults;

namespace CancelWorkflows.Service.Api;

/// <summary>Reads a request body of at most <see cref="MaxBytes"/> bytes of JSON, or says why not (413, 415).</summary>
public static class JsonBodyReader
{
    /// <summary>16 KiB: far more than any valid body (the fields are bounded), small enough to never matter.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The bytes, or a problem to answer with.</summary>
    public sealed record Result(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return new(default, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                type: ApiProblemTypes.UnsupportedMediaType,
                title: "The body must be JSON",
                detail: "Send Content-Type: application/json."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return new(default, TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length > MaxBytes ? new(default, TooLarge()) : new(buffer.AsMemory(0, length), null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        type: ApiProblemTypes.BodyTooLarge,
        title: "The body is too large",
        detail: $"At most {MaxBytes} bytes.");
}
