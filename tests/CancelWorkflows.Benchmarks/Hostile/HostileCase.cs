namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// One hostile request. <see cref="MustBeRefused"/>: bad input or a caller not allowed, so only a 4xx will do;
/// otherwise (a listing with odd filters, a well-signed notification with an odd body) anything but a 5xx, with nothing
/// started or signalled all the same. <see cref="Chunked"/>: sent without a Content-Length.
/// </summary>
public sealed record HostileCase(
    string Family,
    string What,
    HttpMethod Method,
    string PathAndQuery,
    HostileCaller Caller,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<(string Name, string Value)> Headers,
    bool MustBeRefused,
    bool Chunked = false)
{
    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes: {Preview(System.Text.Encoding.UTF8.GetString(Body))}";
        var headers = string.Join(", ", Headers.Select(h => $"{h.Name}: {Preview(h.Value)}"));
        return $"{Family} / {What}: {Method} {Preview(PathAndQuery)} as {Caller}{(Chunked ? " (chunked)" : string.Empty)} [{headers}] {body}";
    }

    private static string Preview(string text)
    {
        var shown = text.Length > 160 ? text[..160] + $"…(+{text.Length - 160})" : text;
        return string.Concat(shown.Select(c => c < ' ' || c is >= '\u007f' and <= '\u009f' || char.IsSurrogate(c) || c is >= '\u2000' and <= '\u206f' or '\ufeff'
            ? $"\\u{(int)c:X4}"
            : c.ToString()));
    }
}
