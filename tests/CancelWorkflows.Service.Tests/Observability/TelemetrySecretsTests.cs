using System.Diagnostics;
using CancelWorkflows.Service.Tests.Infrastructure;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// No span attribute, span event, link or log record carries a secret: the caller's API key, a callback secret or the
/// signature made with it, the support webhook token, Antom signature headers, or the bytes of a private key — after the
/// service has authenticated callers, signed Antom requests and callbacks, called the support webhook and verified (and
/// refused) notifications.
/// </summary>
[Collection(ObservedServiceCollection.Name)]
public sealed class TelemetrySecretsTests(ObservedService service)
{
    [Fact]
    public async Task NoSpanOrLogRecord_CarriesAKeySecretTokenOrSignature()
    {
        var scenario = await service.ScenarioAsync();
        var secrets = new List<string> { RoleCluster.BookingKey, ObservedService.CallbackSecret, ObservedService.SupportToken, "signature=", "Bearer " };
        secrets.AddRange(PemLines(service.Cluster.MerchantPrivateKeyPath));
        secrets.AddRange(PemLines(service.Cluster.AntomPrivateKeyPath));
        var callbacks = service.Receiver.To(scenario.CallbackUrl);
        Assert.NotEmpty(callbacks);
        secrets.AddRange(callbacks.Select(c => c.Signature));

        var texts = service.Spans.SelectMany(SpanTexts).Concat(service.Logs).ToList();
        Assert.Contains(texts, t => t.Contains(scenario.Cancelled, StringComparison.Ordinal)); // the scan sees real content
        var leaks = (from text in texts from secret in secrets where text.Contains(secret, StringComparison.Ordinal) select $"{secret[..Math.Min(12, secret.Length)]}… in: {text}").ToList();
        Assert.Empty(leaks);
    }

    private static IEnumerable<string> PemLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal));

    private static IEnumerable<string> SpanTexts(Activity span)
    {
        yield return span.DisplayName;
        foreach (var tag in span.TagObjects)
        {
            yield return $"{span.DisplayName} {tag.Key}={tag.Value}";
        }

        foreach (var e in span.Events)
        {
            foreach (var tag in e.Tags)
            {
                yield return $"{span.DisplayName} event {e.Name} {tag.Key}={tag.Value}";
            }
        }

        if (span.StatusDescription is { } status)
        {
            yield return $"{span.DisplayName} status {status}";
        }
    }
}
