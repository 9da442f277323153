namespace CancelWorkflows.Service.Tests.Infrastructure;

/// <summary>The four ports of one dev mode, moved off the defaults through <c>DevMode:*</c>.</summary>
/// <remarks>Dev mode runs only in the Development environment (as <c>dotnet run</c>'s launch profile sets it): the
/// settings of <see cref="ToEnvironment"/> say so too.</remarks>
public sealed record DevModePorts(int Api, int Simulator, int Temporal, int TemporalUi)
{
    public static DevModePorts Allocate()
    {
        var ports = FreePorts.Take(4);
        return new(ports[0], ports[1], ports[2], ports[3]);
    }

    public IReadOnlyList<int> All => [Api, Simulator, Temporal, TemporalUi];

    public string ApiUrl => $"http://127.0.0.1:{Api}";

    public string SimulatorUrl => $"http://127.0.0.1:{Simulator}";

    /// <summary>The environment that starts dev mode on these ports.</summary>
    public IReadOnlyDictionary<string, string?> ToEnvironment() => new Dictionary<string, string?>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DevMode__ApiUrl"] = ApiUrl,
        ["DevMode__SimulatorUrl"] = SimulatorUrl,
        ["DevMode__TemporalPort"] = Temporal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DevMode__TemporalUiPort"] = TemporalUi.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Tests that want the viewer turn it on with ports of their own (DevModeDashboardTests).
        ["DevMode__Dashboard"] = "false",
    };
}
