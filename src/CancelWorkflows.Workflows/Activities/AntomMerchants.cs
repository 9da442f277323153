using CancelWorkflows.Antom.Client;
using Temporalio.Exceptions;

namespace CancelWorkflows.Workflows.Activities;

/// <summary>One Antom merchant account as a worker uses it: its signed client (client id, gateway, keys) and its rules
/// (Antom's windows as narrowed by this merchant's contract, the catalogue).</summary>
public sealed record AntomMerchant(string Name, IAntomClient Client, CancelPolicy Policy);

/// <summary>
/// The Antom merchant accounts of a deployment: the default one (the flat <c>Antom:*</c> settings, named by
/// <c>Antom:MerchantName</c>) and any under <c>Antom:Merchants:&lt;name&gt;</c>. A cancellation names its merchant in its
/// input (null: the default), and every Antom call of that cancellation goes out as that merchant.
/// </summary>
public sealed class AntomMerchants
{
    private readonly Dictionary<string, Lazy<AntomMerchant>> named;

    public AntomMerchants(AntomMerchant defaultMerchant, IEnumerable<AntomMerchant>? others = null)
        : this(defaultMerchant, (others ?? []).Select(m => (m.Name, (Func<AntomMerchant>)(() => m))))
    {
    }

    /// <summary>Each other merchant built on its first use: an activity's calls go out as one merchant, so a worker with
    /// several builds only that one's client per activity.</summary>
    public AntomMerchants(AntomMerchant defaultMerchant, IEnumerable<(string Name, Func<AntomMerchant> Create)> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        Default = defaultMerchant ?? throw new ArgumentNullException(nameof(defaultMerchant));
        named = new(StringComparer.Ordinal) { [defaultMerchant.Name] = new(defaultMerchant) };
        foreach (var (name, create) in others)
        {
            if (!named.TryAdd(name, new(create)))
            {
                throw new ArgumentException($"Merchant '{name}' is configured twice.", nameof(others));
            }
        }
    }

    /// <summary>The merchant of the flat <c>Antom:*</c> settings: a cancellation that names none (and every cancellation
    /// started before several merchants existed) is this merchant's.</summary>
    public AntomMerchant Default { get; }

    /// <summary>A deployment with one merchant, as before several merchants: tests and tools.</summary>
    public static AntomMerchants Single(IAntomClient client, CancelPolicy? policy = null, string name = DefaultName) =>
        new(new AntomMerchant(name, client, policy ?? CancelPolicy.Default));

    /// <summary>The default merchant's name when <c>Antom:MerchantName</c> is not set.</summary>
    public const string DefaultName = "default";

    /// <summary>The cancellation's merchant. One this worker does not know (removed from its configuration while
    /// cancellations of it still run, or a worker configured apart from the API) is a configuration error: the call is not
    /// made as another merchant, and no retry would help.</summary>
    /// <exception cref="ApplicationFailureException">Non-retryable, <see cref="AntomActivities.ConfigurationErrorType"/>.</exception>
    public AntomMerchant For(string? name) =>
        name is null ? Default
        : named.TryGetValue(name, out var merchant) ? merchant.Value
        : throw new ApplicationFailureException(
            $"Antom merchant '{name}' is not configured on this worker (Antom:Merchants:{name}); no call is made as another merchant.",
            AntomActivities.ConfigurationErrorType,
            nonRetryable: true);
}
