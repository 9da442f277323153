namespace CancelWorkflows.Workflows.Outbound;

/// <summary>Names refused before any lookup: they name this machine or a cloud metadata service wherever they are
/// resolved, so an answer from DNS is not needed to know where they lead.</summary>
public static class OutboundHostNames
{
    /// <summary>GCP (<c>metadata.google.internal</c>, <c>metadata.goog</c>), AWS (<c>instance-data</c>), and the bare
    /// <c>metadata</c> that several clouds' resolvers answer.</summary>
    private static readonly string[] MetadataNames =
        ["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal"];

    /// <summary>True for <c>localhost</c> and any <c>*.localhost</c> (RFC 6761: always loopback).</summary>
    public static bool IsLoopbackName(string host) =>
        Normalize(host) is var name && (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal));

    public static bool IsMetadataName(string host) => MetadataNames.Contains(Normalize(host), StringComparer.Ordinal);

    /// <summary>Lower case, without the trailing dot of a fully qualified name (<c>localhost.</c> is <c>localhost</c>).</summary>
    public static string Normalize(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.TrimEnd('.').ToLowerInvariant();
    }
}
