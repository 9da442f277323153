using System.Net;
using System.Text.RegularExpressions;
using OpenTelemetry.Metrics;

namespace CancelWorkflows.Service.Tests.Observability;

/// <summary>
/// deploy/observability's alert rules and dashboard name only metrics the service emits: after a cancellation, an
/// escalation, a late success and a refused notification, every Prometheus name in those files is one of the exported
/// metrics' (OpenTelemetry name translated as the Prometheus exporter does), and is on the management port's /metrics.
/// </summary>
[Collection(ObservedServiceCollection.Name)]
public sealed partial class MetricFilesTests(ObservedService service)
{
    public static TheoryData<string> Files => new() { "alert-rules.yaml", "grafana-dashboard.json" };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryMetricNamedInTheFile_IsEmittedByTheService(string file)
    {
        await service.ScenarioAsync();
        var named = NamesIn(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "observability", file)));
        Assert.NotEmpty(named);

        var emitted = await EventuallyEmittedAsync(named);
        Assert.Empty(named.Except(emitted).Order());
    }

    [Fact]
    public async Task MetricsEndpoint_OnTheManagementPortOnly_ServesTheFilesNames()
    {
        await service.ScenarioAsync();
        using var http = new HttpClient { Timeout = ObservedService.Timeout };
        var named = NamesIn(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "observability", "alert-rules.yaml")));
        var scraped = await http.GetStringAsync(new Uri(service.ManagementBase, "metrics"));
        var types = TypeLine().Matches(scraped).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(named.Except(types).Order());

        using var onApi = await service.Booking.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.NotFound, onApi.StatusCode);
        using var apiOnManagement = await http.GetAsync(new Uri(service.ManagementBase, "v1/cancellations"));
        Assert.Equal(HttpStatusCode.NotFound, apiOnManagement.StatusCode);
    }

    /// <summary>An OpenTelemetry metric's name as the Prometheus exporter writes it: dots to underscores, the unit as a
    /// suffix (annotations like <c>{cancellation}</c> dropped), <c>_total</c> on monotonic sums.</summary>
    public static string PrometheusName(MetricSnapshot metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var name = InvalidCharacters().Replace(metric.Name, "_");
        var unit = metric.Unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            "1" => "ratio",
            _ => null,
        };
        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        return metric.MetricType is MetricType.LongSum or MetricType.DoubleSum ? name + "_total" : name;
    }

    private static HashSet<string> NamesIn(string text) =>
        [.. MetricName().Matches(text).Select(m => HistogramSeries().Replace(m.Value, string.Empty))];

    private async Task<HashSet<string>> EventuallyEmittedAsync(HashSet<string> wanted)
    {
        var deadline = DateTime.UtcNow + ObservedService.Timeout;
        while (true)
        {
            var emitted = service.Metrics.Select(PrometheusName).ToHashSet();
            if (wanted.IsSubsetOf(emitted) || DateTime.UtcNow > deadline)
            {
                return emitted;
            }

            await Task.Delay(500);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CancelWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CancelWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(?:cancelworkflows|temporal)_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex("_(?:bucket|sum|count)$")]
    private static partial Regex HistogramSeries();

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex InvalidCharacters();

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
