using System.Diagnostics.CodeAnalysis;
using CancelWorkflows.Service.DevMode;

namespace CancelWorkflows.Service.Hosting;

/// <summary>How this process reaches Temporal and Antom: a configured cluster, or dev mode's embedded servers.</summary>
public sealed class ServiceMode
{
    private ServiceMode(DevModeSetup? devMode) => DevMode = devMode;

    public static ServiceMode Production { get; } = new(null);

    /// <summary>Dev mode, prepared (data folder locked, ports free, keys present) but not started yet.</summary>
    public DevModeSetup? DevMode { get; }

    [MemberNotNullWhen(true, nameof(DevMode))]
    public bool IsDevMode => DevMode is not null;

    public static ServiceMode Dev(DevModeSetup setup) => new(setup ?? throw new ArgumentNullException(nameof(setup)));
}
