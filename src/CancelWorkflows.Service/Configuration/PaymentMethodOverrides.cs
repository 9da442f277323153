using CancelWorkflows.Domain;

namespace CancelWorkflows.Service.Configuration;

/// <summary>Reads <c>Cancel:PaymentMethods</c> (code → category name) into catalogue overrides.</summary>
public static class PaymentMethodOverrides
{
    /// <summary>Category names only (never numbers): a number in configuration is a typo, not a choice.</summary>
    public static bool TryParse(string? value, out PaymentMethodCategory category)
    {
        category = default;
        return !string.IsNullOrWhiteSpace(value)
            && !char.IsAsciiDigit(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out category)
            && Enum.IsDefined(category);
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
