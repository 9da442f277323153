using System.Globalization;

namespace CancelWorkflows.Service.ServiceDefaults;

/// <summary>
/// <c>Management:Urls</c>: a listener of its own for Prometheus' <c>GET /metrics</c> (and the probes), so metrics are not
/// served with the API to whoever reaches it. Unset: no <c>/metrics</c> at all (OTLP export only). On the management
/// port only <c>/metrics</c>, <c>/health</c> and <c>/alive</c> answer; the API's port never serves <c>/metrics</c>.
/// </summary>
public sealed class ManagementPort
{
    public const string UrlsSetting = "Management:Urls";
    public const string MetricsPath = "/metrics";

    private ManagementPort(string urls, IReadOnlySet<int> ports)
    {
        Urls = urls;
        Ports = ports;
    }

    public string Urls { get; }

    public IReadOnlySet<int> Ports { get; }

    /// <summary>The management listener configured, or null. A URL without an explicit port is refused (start-up).</summary>
    public static ManagementPort? Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration[UrlsSetting];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return null;
        }

        var ports = new HashSet<int>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var port = BindingAddressPort(url)
                ?? throw new InvalidOperationException($"{UrlsSetting}: '{url}' names no port; give one (e.g. http://0.0.0.0:9464).");
            ports.Add(port);
        }

        return new ManagementPort(urls, ports);
    }

    /// <summary>Adds the management URLs to the ones Kestrel listens on (<c>Urls</c>, default http://localhost:5000).</summary>
    public void Listen(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var urls = builder.Configuration["Urls"] is { Length: > 0 } configured ? configured : "http://localhost:5000";
        builder.Configuration["Urls"] = $"{urls};{Urls}";
    }

    /// <summary>
    /// First in the pipeline (before authentication): on the management port everything but <c>/metrics</c> and the probes
    /// answers 404, and <c>/metrics</c> answers 404 anywhere else. No-op without <c>Management:Urls</c>.
    /// </summary>
    public static void UseFilter(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Of(app.Configuration)?.Filter(app);
    }

    /// <summary>Maps <c>/metrics</c> (reachable on the management port only, see <see cref="UseFilter"/>).</summary>
    public static void MapMetrics(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Of(app.Configuration) is not null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableRateLimiting();
        }
    }

    private void Filter(WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var management = Ports.Contains(context.Connection.LocalPort);
            var path = context.Request.Path;
            var probe = path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath);
            if (management != path.StartsWithSegments(MetricsPath) && !(management && probe))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

    private static int? BindingAddressPort(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash < 0 ? rest : rest[..slash];
        var colon = hostPort.LastIndexOf(':');
        return colon >= 0 && !hostPort.EndsWith(']') && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0
            ? port
            : null;
    }
}
