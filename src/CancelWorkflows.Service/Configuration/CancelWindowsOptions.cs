using CancelWorkflows.Domain;

namespace CancelWorkflows.Service.Configuration;

/// <summary><c>Cancel:Windows</c>: a merchant contract may narrow Antom's windows, never widen them (checked by the Domain).</summary>
public sealed class CancelWindowsOptions
{
    public TimeSpan? CardWindow { get; set; }

    public TimeSpan? MercadoPagoWindow { get; set; }

    public TimeSpan? NextDayCutoff { get; set; }

    public TimeSpan? UnpaidValidity { get; set; }

    /// <summary>Antom's windows with the configured ones in their place, checked by the Domain.</summary>
    /// <exception cref="CancelWindowsException">A window is not positive or wider than Antom's; the message names the setting.</exception>
    public CancelWindows ToWindows()
    {
        var antom = CancelWindows.Antom;
        return CancelWindows.Narrowed(new CancelWindows(
            CardWindow ?? antom.CardWindow,
            MercadoPagoWindow ?? antom.MercadoPagoWindow,
            NextDayCutoff ?? antom.NextDayCutoff,
            UnpaidValidity ?? antom.UnpaidValidity));
    }

    /// <summary>A merchant's windows: the <paramref name="deployment"/>'s with the configured ones in their place, each no
    /// wider than the deployment's (checked by the Domain).</summary>
    /// <exception cref="CancelWindowsException">A window is not positive or wider than the deployment's; the message names
    /// the setting under <paramref name="section"/>.</exception>
    public CancelWindows ToWindowsWithin(CancelWindows deployment, string section)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new CancelWindows(
            CardWindow ?? deployment.CardWindow,
            MercadoPagoWindow ?? deployment.MercadoPagoWindow,
            NextDayCutoff ?? deployment.NextDayCutoff,
            UnpaidValidity ?? deployment.UnpaidValidity).WithinDeployment(deployment, section);
    }
}
