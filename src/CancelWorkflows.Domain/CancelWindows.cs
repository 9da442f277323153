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
    public CancelWindows Validate()
    {
        Check(nameof(CardWindow), CardWindow, Antom.CardWindow);
        Check(nameof(MercadoPagoWindow), MercadoPagoWindow, Antom.MercadoPagoWindow);
        Check(nameof(NextDayCutoff), NextDayCutoff, Antom.NextDayCutoff);
        Check(nameof(UnpaidValidity), UnpaidValidity, Antom.UnpaidValidity);
        return this;
    }

    private static void Check(string name, TimeSpan configured, TimeSpan antom)
    {
        string setting = $"{ConfigurationSection}:{name}";
        if (configured <= TimeSpan.Zero)
        {
            throw new CancelWindowsException(setting, configured, antom,
                $"{setting} {Format(configured)} must be positive (Antom's is {Format(antom)})");
        }

        if (configured > antom)
        {
            throw new CancelWindowsException(setting, configured, antom,
                $"{setting} {Format(configured)} is wider than Antom's {Format(antom)}; " +
                "a merchant contract may narrow a window, never widen it");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
