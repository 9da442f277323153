namespace CancelWorkflows.Domain;

/// <summary>One fact of the narrowing order: every cancel <see cref="Narrower"/> allows, <see cref="Wider"/> allows too.</summary>
/// <param name="Narrower">The category that allows less (or the same).</param>
/// <param name="Wider">The category that allows at least as much.</param>
/// <param name="Why">The reading of Table 1 that makes it true.</param>
/// <param name="Condition">When the containment depends on the configured windows: the condition, in words; else null.</param>
/// <param name="HoldsFor">Checks <see cref="Condition"/> against the windows in force; null when it always holds.</param>
public sealed record CategoryContainment(
    PaymentMethodCategory Narrower,
    PaymentMethodCategory Wider,
    string Why,
    string? Condition = null,
    Func<CancelWindows, bool>? HoldsFor = null);

/// <summary>
/// Which Table 1 rows allow no more cancels than which others, as data (docs/rules.md, "Narrowing order"):
/// W1 never ⊂ W2 unpaid only ⊂ {W3 cards, W5 until T+1 00:15} ⊂ W4 7 days. W3 and W5 are not comparable: W3 allows an
/// uncaptured card on day 3 (W5 does not), W5 allows a captured payment on day T (W3 does not, N2).
/// Configuration may move a method to a category that allows no more than its own, never to a wider or incomparable one.
/// </summary>
public static class PaymentMethodCategoryOrder
{
    private const string NeverAllowsNothing = "W1 allows no cancel at all, so every row allows at least as much";
    private const string UnpaidOnly = "W2 allows only unpaid cancels; W3, W4 and W5 allow every unpaid cancel too (C1, C5, N3)";

    /// <summary>Every containment between two different categories; a pair not listed is not a containment.</summary>
    public static IReadOnlyList<CategoryContainment> Containments { get; } =
    [
        new(PaymentMethodCategory.IndonesianLocal, PaymentMethodCategory.JkoPay, "same row W1: never"),
        new(PaymentMethodCategory.JkoPay, PaymentMethodCategory.IndonesianLocal, "same row W1: never"),
        .. NeverFrom(PaymentMethodCategory.IndonesianLocal),
        .. NeverFrom(PaymentMethodCategory.JkoPay),
        new(PaymentMethodCategory.ThaiBanking, PaymentMethodCategory.Card, UnpaidOnly),
        new(PaymentMethodCategory.ThaiBanking, PaymentMethodCategory.Other, UnpaidOnly),
        new(PaymentMethodCategory.ThaiBanking, PaymentMethodCategory.MercadoPago, UnpaidOnly),
        new(
            PaymentMethodCategory.Card,
            PaymentMethodCategory.MercadoPago,
            "W3 allows an uncaptured card within its window after payment; W4 allows any paid payment within its window",
            $"{CancelWindows.ConfigurationSection}:CardWindow ≤ {CancelWindows.ConfigurationSection}:MercadoPagoWindow",
            w => w.CardWindow <= w.MercadoPagoWindow),
        new(
            PaymentMethodCategory.Other,
            PaymentMethodCategory.MercadoPago,
            "W5 ends at the cutoff on day T+1 (UTC+8), at most 1 day + the cutoff after payment; W4 allows its whole window",
            $"1 day + {CancelWindows.ConfigurationSection}:NextDayCutoff ≤ {CancelWindows.ConfigurationSection}:MercadoPagoWindow",
            w => TimeSpan.FromDays(1) + w.NextDayCutoff <= w.MercadoPagoWindow),
    ];

    /// <summary>True when <paramref name="category"/> allows no cancel that <paramref name="bound"/> would not allow, with
    /// <paramref name="windows"/> in force.</summary>
    public static bool AllowsNoMoreThan(PaymentMethodCategory category, PaymentMethodCategory bound, CancelWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return category == bound
            || Containments.Any(c => c.Narrower == category && c.Wider == bound && (c.HoldsFor is null || c.HoldsFor(windows)));
    }

    /// <summary>The Table 1 rule of a category, for messages.</summary>
    public static string Rule(PaymentMethodCategory category) => category switch
    {
        PaymentMethodCategory.IndonesianLocal or PaymentMethodCategory.JkoPay => CancelRules.W1,
        PaymentMethodCategory.ThaiBanking => CancelRules.W2,
        PaymentMethodCategory.Card => CancelRules.W3,
        PaymentMethodCategory.MercadoPago => CancelRules.W4,
        PaymentMethodCategory.Other => CancelRules.W5,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown payment-method category."),
    };

    private static IEnumerable<CategoryContainment> NeverFrom(PaymentMethodCategory w1) =>
        new[] { PaymentMethodCategory.ThaiBanking, PaymentMethodCategory.Card, PaymentMethodCategory.MercadoPago, PaymentMethodCategory.Other }
            .Select(wider => new CategoryContainment(w1, wider, NeverAllowsNothing));
}
