using CancelWorkflows.Domain;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Reads <c>Cancel:PaymentMethods</c> (code → category name) into catalogue overrides; the Domain decides which
/// overrides narrow (allowed) and which widen (refused at start-up), see <see cref="PaymentMethodCatalogue.CheckOverrides"/>.</summary>
public static class PaymentMethodOverrides
{
    /// <summary>Category names only (never numbers): a number in configuration is a typo, not a choice.</summary>
    public static bool TryParse(string? value, out PaymentMethodCategory category) => CancelOptions.TryParseName(value, out category);

    /// <summary>Every reason the configured overrides cannot start: a value that is not a category name, or an override the
    /// Domain refuses as a widening with <paramref name="windows"/> in force. Each message names its setting.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> overrides, CancelWindows windows)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var failures = new List<string>();
        var parsed = new Dictionary<string, PaymentMethodCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in overrides)
        {
            if (TryParse(value, out var category))
            {
                parsed[code] = category;
            }
            else
            {
                failures.Add(
                    $"{PaymentMethodCatalogue.OverrideSection}:{code} = '{value}' is not a category; use one of {string.Join(", ", Enum.GetNames<PaymentMethodCategory>())}.");
            }
        }

        failures.AddRange(PaymentMethodCatalogue.Default.CheckOverrides(parsed, windows));
        return failures;
    }

    /// <summary>The default catalogue with the configured overrides (validated at start-up against <paramref name="windows"/>,
    /// the windows in force: configuration may narrow a method's row, never widen it).</summary>
    public static PaymentMethodCatalogue BuildCatalogue(IReadOnlyDictionary<string, string> overrides, CancelWindows windows)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return PaymentMethodCatalogue.Default;
        }

        var parsed = new Dictionary<string, PaymentMethodCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in overrides)
        {
            parsed[code] = TryParse(value, out var category)
                ? category
                : throw new InvalidOperationException($"Cancel:PaymentMethods:{code} = '{value}' is not a category.");
        }

        return PaymentMethodCatalogue.Default.WithOverrides(parsed, windows);
    }
}
