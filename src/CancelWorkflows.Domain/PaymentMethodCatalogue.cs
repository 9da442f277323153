using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>
/// Maps Antom <c>paymentMethodType</c> codes to their cancel-window row (Table 1, W1–W5). Codes compare ignoring case.
/// The data is <c>payment-methods.json</c> (embedded; every row names the Antom source of its spelling); configuration may
/// narrow a row or declare a code the file lacks, never widen (<see cref="CheckOverrides"/>, <see cref="PaymentMethodCategoryOrder"/>).
/// Immutable: <see cref="WithOverrides"/> returns a new catalogue.
/// </summary>
public sealed class PaymentMethodCatalogue
{
    /// <summary>The configuration section of the overrides; error messages name <c>Cancel:PaymentMethods:&lt;code&gt;</c>.</summary>
    public const string OverrideSection = "Cancel:PaymentMethods";

    /// <summary>The widest category configuration may declare for a code the catalogue lacks: what
    /// <see cref="UnknownPaymentMethodPolicy.TreatAsOther"/> would apply to it anyway (docs/rules.md).</summary>
    public const PaymentMethodCategory UnknownCodeBound = PaymentMethodCategory.Other;

    private const string ResourceName = "CancelWorkflows.Domain.payment-methods.json";

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter<PaymentMethodCategory>(namingPolicy: null, allowIntegerValues: false) },
    };

    private static readonly Lazy<PaymentMethodCatalogue> DefaultCatalogue = new(LoadEmbedded);

    private readonly FrozenDictionary<string, PaymentMethodInfo> _methods;

    private PaymentMethodCatalogue(IReadOnlyList<PaymentMethodInfo> methods)
    {
        Methods = methods;
        _methods = methods.ToFrozenDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        Entries = methods.ToFrozenDictionary(m => m.Code, m => m.Category, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalogue shipped with this library (embedded <c>payment-methods.json</c>).</summary>
    public static PaymentMethodCatalogue Default => DefaultCatalogue.Value;

    /// <summary>Every code the catalogue knows, in the catalogue's spelling, with its category.</summary>
    public IReadOnlyDictionary<string, PaymentMethodCategory> Entries { get; }

    /// <summary>Every row, in file order (configured codes last), with its name, country, type and source.</summary>
    public IReadOnlyList<PaymentMethodInfo> Methods { get; }

    /// <summary>Reads a catalogue in the <c>payment-methods.json</c> format.</summary>
    /// <exception cref="InvalidDataException">Not that format, a blank code, an unknown category, or a code listed twice.</exception>
    public static PaymentMethodCatalogue Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(json, FileOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Payment-method catalogue is not valid: {e.Message}", e);
        }

        if (file?.Methods is null)
        {
            throw new InvalidDataException("Payment-method catalogue has no \"methods\" array.");
        }

        var methods = new List<PaymentMethodInfo>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (CatalogueEntry entry in file.Methods)
        {
            string code = entry.Code?.Trim() ?? string.Empty;
            if (code.Length == 0)
            {
                throw new InvalidDataException("Payment-method catalogue has an entry without a code.");
            }

            if (entry.Category is not { } category || !Enum.IsDefined(category))
            {
                throw new InvalidDataException($"Payment-method catalogue entry {code} has no valid category.");
            }

            // A duplicate would make the file's meaning depend on order; refuse it rather than pick one.
            if (!seen.Add(code))
            {
                throw new InvalidDataException($"Payment-method catalogue lists {code} more than once.");
            }

            methods.Add(new PaymentMethodInfo(code, entry.Name, entry.Country, entry.PaymentType, category, entry.Source, entry.Note)
            {
                Refund = ReadRefund(code, entry.Refund),
            });
        }

        return new PaymentMethodCatalogue(methods);
    }

    /// <summary>
    /// Checks configured overrides against this catalogue: a catalogued code may only move to a category that allows no more
    /// than its own, and a code the catalogue lacks may only be declared as a category that allows no more than
    /// <see cref="UnknownCodeBound"/>, with <paramref name="windows"/> in force. Returns one message per refused override,
    /// each naming its setting; empty when all are allowed.
    /// </summary>
    public IReadOnlyList<string> CheckOverrides(IReadOnlyDictionary<string, PaymentMethodCategory> overrides, CancelWindows windows)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(windows);
        var failures = new List<string>();
        foreach ((string rawCode, PaymentMethodCategory category) in overrides)
        {
            string code = rawCode?.Trim() ?? string.Empty;
            if (code.Length == 0)
            {
                failures.Add($"{OverrideSection} has an entry with a blank code.");
                continue;
            }

            string setting = $"{OverrideSection}:{code}";
            if (!Enum.IsDefined(category))
            {
                failures.Add($"{setting} has undefined category {(int)category}.");
                continue;
            }

            bool catalogued = _methods.TryGetValue(code, out PaymentMethodInfo? row);
            PaymentMethodCategory bound = catalogued ? row!.Category : UnknownCodeBound;
            if (PaymentMethodCategoryOrder.AllowsNoMoreThan(category, bound, windows))
            {
                continue;
            }

            string allowed = string.Join(", ", Enum.GetValues<PaymentMethodCategory>().Where(c => PaymentMethodCategoryOrder.AllowsNoMoreThan(c, bound, windows)));
            string unmet = PaymentMethodCategoryOrder.Containments
                .Where(c => c.Narrower == category && c.Wider == bound && c.Condition is not null)
                .Select(c => $" It would need {c.Condition}.")
                .FirstOrDefault() ?? string.Empty;
            string what = catalogued
                ? $"{setting} = {category} would widen {row!.Code}: the catalogue has it as {bound} ({PaymentMethodCategoryOrder.Rule(bound)}), " +
                  $"and {category} ({PaymentMethodCategoryOrder.Rule(category)}) allows cancels {PaymentMethodCategoryOrder.Rule(bound)} does not; " +
                  $"configuration may only narrow (allowed: {allowed})."
                : $"{setting} = {category} is too wide for a code the catalogue does not have: an uncatalogued method may be declared " +
                  $"only as a category that allows no more than {bound} ({PaymentMethodCategoryOrder.Rule(bound)}), what " +
                  $"Cancel:UnknownPaymentMethod applies to it (allowed: {allowed}); a card or Mercado Pago code needs a catalogue row with an Antom source.";
            failures.Add(what + unmet);
        }

        return failures;
    }

    /// <summary>A copy with configured codes narrowed or declared (codes compare ignoring case), after <see cref="CheckOverrides"/>.</summary>
    /// <exception cref="ArgumentException">An override <see cref="CheckOverrides"/> refuses: blank code, undefined category, or a widening.</exception>
    public PaymentMethodCatalogue WithOverrides(IReadOnlyDictionary<string, PaymentMethodCategory> overrides, CancelWindows windows)
    {
        IReadOnlyList<string> failures = CheckOverrides(overrides, windows);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(overrides));
        }

        var methods = Methods.ToList();
        foreach ((string rawCode, PaymentMethodCategory category) in overrides)
        {
            string code = rawCode.Trim();
            int index = methods.FindIndex(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

            // An existing row keeps the file's spelling and source; a new code keeps the configured spelling.
            if (index < 0)
            {
                methods.Add(new PaymentMethodInfo(code, null, null, null, category, $"configuration: {OverrideSection}:{code}", null));
            }
            else
            {
                PaymentMethodInfo row = methods[index];
                methods[index] = row with { Category = category, Note = $"set by configuration ({OverrideSection}:{row.Code}); catalogued as {row.Category}" };
            }
        }

        return new PaymentMethodCatalogue(methods);
    }

    /// <summary>The Table 1 row for a code. Unknown or missing → <see cref="PaymentMethodCategory.Other"/> (W5), Known=false;
    /// <see cref="UnknownPaymentMethods"/> applies the configured policy to such a lookup.</summary>
    public PaymentMethodLookup Categorize(string? paymentMethodType)
    {
        string? code = string.IsNullOrWhiteSpace(paymentMethodType) ? null : paymentMethodType.Trim();
        if (code is null)
        {
            return new PaymentMethodLookup(null, PaymentMethodCategory.Other, Known: false);
        }

        return _methods.TryGetValue(code, out PaymentMethodInfo? row)
            ? new PaymentMethodLookup(row.Code, row.Category, Known: true)
            : new PaymentMethodLookup(code, PaymentMethodCategory.Other, Known: false);
    }

    /// <summary>Whether Antom refunds payments made with a method (codes compare ignoring case). A code the catalogue lacks, or
    /// none, is <see cref="RefundSupport.Unknown"/>: the refund is attempted and Antom's answer decides (docs/rules.md).</summary>
    public PaymentMethodRefund RefundOf(string? paymentMethodType) =>
        !string.IsNullOrWhiteSpace(paymentMethodType) && _methods.TryGetValue(paymentMethodType.Trim(), out PaymentMethodInfo? row)
            ? row.Refund
            : PaymentMethodRefund.Unknown;

    /// <summary>The <c>refund</c> column of one row. A row without it is unknown; a stated support needs its Antom source, so
    /// that "not supported" (which stops a refund) is never a guess.</summary>
    private static PaymentMethodRefund ReadRefund(string code, RefundEntry? entry)
    {
        if (entry is null)
        {
            return PaymentMethodRefund.Unknown;
        }

        if (!Enum.TryParse(entry.Support, ignoreCase: true, out RefundSupport support) || !Enum.IsDefined(support) || int.TryParse(entry.Support, out _))
        {
            throw new InvalidDataException($"Payment-method catalogue entry {code} has refund.support '{entry.Support}'; expected supported, notSupported or unknown.");
        }

        string? source = string.IsNullOrWhiteSpace(entry.Source) ? null : entry.Source.Trim();
        if (support != RefundSupport.Unknown && source is null)
        {
            throw new InvalidDataException($"Payment-method catalogue entry {code} says refund {entry.Support} without a source (the Antom page that shows it).");
        }

        if (entry.PeriodDays is { } days && (support != RefundSupport.Supported || days < 1 || days > PaymentMethodRefund.MaxPeriodDays))
        {
            throw new InvalidDataException(
                $"Payment-method catalogue entry {code} has refund.periodDays {days}; only a supported refund has a period, of 1 to {PaymentMethodRefund.MaxPeriodDays} days.");
        }

        return new PaymentMethodRefund(support, entry.PeriodDays, source, string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim());
    }

    private static PaymentMethodCatalogue LoadEmbedded()
    {
        using Stream stream = typeof(PaymentMethodCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the Domain assembly.");
        return Load(stream);
    }

    private sealed class CatalogueFile
    {
        public List<CatalogueEntry>? Methods { get; set; }
    }

    private sealed class CatalogueEntry
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Country { get; set; }

        public string? PaymentType { get; set; }

        public PaymentMethodCategory? Category { get; set; }

        public string? Source { get; set; }

        public string? Note { get; set; }

        public RefundEntry? Refund { get; set; }
    }

    private sealed class RefundEntry
    {
        public string? Support { get; set; }

        public int? PeriodDays { get; set; }

        public string? Source { get; set; }

        public string? Note { get; set; }
    }
}
