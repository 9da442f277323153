namespace CancelWorkflows.Domain;

/// <summary>
/// The cancel windows in force. Antom's are the widest allowed; a merchant contract may narrow any of them, never widen
/// one (docs/rules.md, "Cancel windows", last paragraph). Bound from configuration section <see cref="ConfigurationSection"/>.
/// </summary>
/// <param name="CardWindow">W3: how long after <c>paymentTime</c> an uncaptured card payment may be cancelled (inclusive).</param>
/// <param name="MercadoPagoWindow">W4: how long after <c>paymentTime</c> a Mercado Pago payment may be cancelled (inclusive).</param>
/// <param name="NextDayCutoff">W5: time after midnight UTC+8 of day T+1 before which a paid payment may be cancelled.</param>
/// <param name="UnpaidValidity">C5: how long after creation an unpaid payment is still payable (cancel inside it is C1).</param>
public sealed record CancelWindows(TimeSpan CardWindow, TimeSpan MercadoPagoWindow, TimeSpan NextDayCutoff, TimeSpan UnpaidValidity)
{
    /// <summary>The configuration section these settings live in; error messages name settings under it.</summary>
    public const string ConfigurationSection = "Cancel:Windows";

    /// <summary>Antom's own windows: 7 days (W3), 7 days (W4), 00:15 UTC+8 on T+1 (W5), 14 minutes (C5).</summary>
    public static CancelWindows Antom { get; } = new(
        CardWindow: TimeSpan.FromDays(7),
        MercadoPagoWindow: TimeSpan.FromDays(7),
        NextDayCutoff: TimeSpan.FromMinutes(15),
        UnpaidValidity: TimeSpan.FromMinutes(14));

    /// <summary>Returns <paramref name="requested"/> after checking it only narrows Antom's windows.</summary>
    /// <exception cref="CancelWindowsException">A window is zero, negative or wider than Antom's.</exception>
    public static CancelWindows Narrowed(CancelWindows requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return requested.Validate();
    }

    /// <summary>Returns this instance when every window is positive and no wider than Antom's; throws otherwise.</summary>
    /// <exception cref="CancelWindowsException">A window is zero, negative or wider than Antom's.</exception>
    public CancelWindows Validate() => Within(Antom, ConfigurationSection, "Antom's");

    /// <summary>
    /// A merchant's contract windows inside the deployment's (<paramref name="deployment"/>, already within Antom's): each
    /// positive and no wider than the deployment's, so no merchant is allowed more than Antom (W3, W4, W5, C5) or the
    /// deployment allows. Messages name the setting under <paramref name="section"/>, e.g. <c>Antom:Merchants:brand-b:Windows</c>.
    /// </summary>
    /// <exception cref="CancelWindowsException">A window is zero, negative or wider than the deployment's.</exception>
    public CancelWindows WithinDeployment(CancelWindows deployment, string section)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        deployment.Validate();
        return Within(deployment, section, $"the deployment's ({ConfigurationSection})");
    }

    private CancelWindows Within(CancelWindows bound, string section, string whose)
    {
        Check(section, nameof(CardWindow), CardWindow, bound.CardWindow, whose);
        Check(section, nameof(MercadoPagoWindow), MercadoPagoWindow, bound.MercadoPagoWindow, whose);
        Check(section, nameof(NextDayCutoff), NextDayCutoff, bound.NextDayCutoff, whose);
        Check(section, nameof(UnpaidValidity), UnpaidValidity, bound.UnpaidValidity, whose);
        return this;
    }

    private static void Check(string section, string name, TimeSpan configured, TimeSpan bound, string whose)
    {
        string setting = $"{section}:{name}";
        if (configured <= TimeSpan.Zero)
        {
            throw new CancelWindowsException(setting, configured, bound,
                $"{setting} {Format(configured)} must be positive ({whose} is {Format(bound)})");
        }

        if (configured > bound)
        {
            throw new CancelWindowsException(setting, configured, bound,
                $"{setting} {Format(configured)} is wider than {whose} {Format(bound)}; " +
                "a merchant contract may narrow a window, never widen it");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
