using System.Diagnostics.CodeAnalysis;

namespace CancelWorkflows.Service.Hosting;

/// <summary>What this process runs (<c>Service:Roles</c>) and how it reaches Temporal and Antom: a configured cluster, or
/// dev mode's embedded servers.</summary>
public sealed class ServiceMode
{
    private ServiceMode(ServiceRoles roles, IDevMode? devMode)
    {
        Roles = roles;
        DevMode = devMode;
    }

    /// <summary>Every role against a configured cluster.</summary>
    public static ServiceMode Production { get; } = new(ServiceRoles.All, null);

    public ServiceRoles Roles { get; }

    /// <summary>Dev mode, prepared (data folder locked, ports free, keys present) but not started yet.</summary>
    public IDevMode? DevMode { get; }

    [MemberNotNullWhen(true, nameof(DevMode))]
    public bool IsDevMode => DevMode is not null;

    /// <summary>These roles against a configured cluster.</summary>
    public static ServiceMode ForRoles(ServiceRoles roles) =>
        roles is ServiceRoles.None || (roles & ~ServiceRoles.All) != 0
            ? throw new ArgumentOutOfRangeException(nameof(roles), roles, "Give api, ingress, worker or a combination.")
            : new(roles, null);

    /// <summary>Dev mode: every role, on its own servers.</summary>
    public static ServiceMode Dev(IDevMode devMode) => new(ServiceRoles.All, devMode ?? throw new ArgumentNullException(nameof(devMode)));

    /// <summary>True when this process runs <paramref name="role"/> (one role).</summary>
    public bool Runs(ServiceRoles role) => role != ServiceRoles.None && (Roles & role) == role;
}
