using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Hosting;

/// <summary>Configuration section <c>Service</c>: which roles this process runs, and how it stops.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    public const string RolesSetting = "Service:Roles";

    public const string ShutdownGraceSetting = "Service:ShutdownGrace";

    /// <summary>The longest grace accepted: a stop that waits longer than this is a stuck deployment, not a grace.</summary>
    public static readonly TimeSpan MaxShutdownGrace = TimeSpan.FromMinutes(10);

    /// <summary>Added to the grace for the host's own <c>ShutdownTimeout</c>: after the activities, the worker still reports
    /// their results and stops its pollers, and the other hosted services stop.</summary>
    public static readonly TimeSpan HostStopMargin = TimeSpan.FromSeconds(15);

    /// <summary><c>Service:Roles</c>: a comma list of <c>api</c>, <c>ingress</c>, <c>worker</c>, or <c>all</c> (default).</summary>
    public string? Roles { get; set; }

    /// <summary>
    /// <c>Service:ShutdownGrace</c>: after SIGTERM, how long activities already running (an Antom call in flight) may take
    /// to finish before they are cancelled (the Temporal worker's <c>GracefulShutdownTimeout</c>). A cancelled call's
    /// answer is lost even when Antom acted on it: the workflow then sees no answer and resends. Default 30 s, three
    /// times Antom's default call timeout (<c>Antom:Timeout</c>, 10 s).
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The host's <c>ShutdownTimeout</c>: longer than the grace, so the host never cuts the worker's drain short.</summary>
    public TimeSpan HostShutdownTimeout => ShutdownGrace + HostStopMargin;

    /// <summary>Reads <c>Service:Roles</c>: empty → all.</summary>
    /// <exception cref="FormatException">An unknown role; the message names the setting and the roles there are.</exception>
    public static ServiceRoles ParseRoles(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ServiceRoles.All;
        }

        var roles = ServiceRoles.None;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            roles |= part.ToUpperInvariant() switch
            {
                "API" => ServiceRoles.Api,
                "INGRESS" => ServiceRoles.Ingress,
                "WORKER" => ServiceRoles.Worker,
                "ALL" => ServiceRoles.All,
                _ => throw new FormatException(
                    $"{RolesSetting} has an unknown role '{part}'. Use api, ingress, worker or all, comma-separated " +
                    "(e.g. Service__Roles=api,ingress); unset means all."),
            };
        }

        return roles == ServiceRoles.None ? ServiceRoles.All : roles;
    }

    /// <summary>The roles as configuration writes them, e.g. <c>api,ingress</c>.</summary>
    public static string Describe(ServiceRoles roles) =>
        roles == ServiceRoles.All
            ? "all"
            : string.Join(',', new[] { (ServiceRoles.Api, "api"), (ServiceRoles.Ingress, "ingress"), (ServiceRoles.Worker, "worker") }
                .Where(r => roles.HasFlag(r.Item1))
                .Select(r => r.Item2));

    /// <summary>Refuses a grace the host could not honour; the message names the setting.</summary>
    public sealed class Validator : IValidateOptions<ServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServiceOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return options.ShutdownGrace < TimeSpan.Zero || options.ShutdownGrace > MaxShutdownGrace
                ? ValidateOptionsResult.Fail(
                    $"{ShutdownGraceSetting} must be between 00:00:00 and {MaxShutdownGrace:c} (default 00:00:30); " +
                    "the platform's own stop timeout (Kubernetes terminationGracePeriodSeconds, compose stop_grace_period) " +
                    $"must exceed it by {HostStopMargin.TotalSeconds:0} s.")
                : ValidateOptionsResult.Success;
        }
    }
}
