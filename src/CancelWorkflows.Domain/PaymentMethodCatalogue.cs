using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelWorkflows.Domain;

/// <summary>
/// Maps Antom <c>paymentMethodType</c> codes to their cancel-window row (Table 1, W1–W5). Codes compare ignoring case.
/// The data is <c>payment-methods.json</c> (embedded, with a public source per code); configuration may override it.
/// Immutable: <see cref="WithOverrides"/> returns a new catalogue.
/// </summary>
public sealed class PaymentMethodCatalogue
{
    private const string ResourceName = "CancelWorkflows.Domain.payment-methods.json";

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter<PaymentMethodCategory>(namingPolicy: null, allowIntegerValues: false) },
    };

    private static readonly Lazy<PaymentMethodCatalogue> DefaultCatalogue = new(LoadEmbedded);

    private readonly FrozenDictionary<string, PaymentMethodCategory> _categories;

    // The catalogue's own spelling of each code, so a lookup reports "JKOPAY" even when asked for "jkopay".
    private readonly FrozenDictionary<string, string> _spellings;

    private PaymentMethodCatalogue(IReadOnlyDictionary<string, PaymentMethodCategory> categories)
    {
        _categories = categories.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _spellings = categories.Keys.ToFrozenDictionary(code => code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalogue shipped with this library (embedded <c>payment-methods.json</c>).</summary>
    public static PaymentMethodCatalogue Default => DefaultCatalogue.Value;

    /// <summary>Every code the catalogue knows, in the catalogue's spelling, with its category.</summary>
    public IReadOnlyDictionary<string, PaymentMethodCategory> Entries => _categories;

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

        var categories = new Dictionary<string, PaymentMethodCategory>(StringComparer.OrdinalIgnoreCase);
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
            if (!categories.TryAdd(code, category))
            {
                throw new InvalidDataException($"Payment-method catalogue lists {code} more than once.");
            }
        }

        return new PaymentMethodCatalogue(categories);
    }

    /// <summary>A copy with configured codes added or re-categorised (codes compare ignoring case).</summary>
    /// <exception cref="ArgumentException">A blank code or an undefined category.</exception>
    public PaymentMethodCatalogue WithOverrides(IReadOnlyDictionary<string, PaymentMethodCategory> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var categories = new Dictionary<string, PaymentMethodCategory>(_categories, StringComparer.OrdinalIgnoreCase);
        foreach ((string rawCode, PaymentMethodCategory category) in overrides)
        {
            string code = rawCode?.Trim() ?? string.Empty;
            if (code.Length == 0)
            {
                throw new ArgumentException("A payment-method override has a blank code.", nameof(overrides));
            }

            if (!Enum.IsDefined(category))
            {
                throw new ArgumentException($"Payment-method override {code} has undefined category {(int)category}.", nameof(overrides));
            }

            // Setting an existing key keeps the file's spelling of the code; a new code keeps the configured one.
            categories[code] = category;
        }

        return new PaymentMethodCatalogue(categories);
    }

    /// <summary>The Table 1 row for a code. Unknown or missing → <see cref="PaymentMethodCategory.Other"/> (W5), Known=false.</summary>
    public PaymentMethodLookup Categorize(string? paymentMethodType)
    {
        string? code = string.IsNullOrWhiteSpace(paymentMethodType) ? null : paymentMethodType.Trim();
        if (code is null)
        {
            return new PaymentMethodLookup(null, PaymentMethodCategory.Other, Known: false);
        }

        return _categories.TryGetValue(code, out PaymentMethodCategory category)
            ? new PaymentMethodLookup(_spellings[code], category, Known: true)
            : new PaymentMethodLookup(code, PaymentMethodCategory.Other, Known: false);
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

        public PaymentMethodCategory? Category { get; set; }
    }
}
