using System.Globalization;
using System.Text;
using CancelWorkflows.Workflows;
using CancelWorkflows.Workflows.Cancel;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The filters of <c>GET /v1/cancellations</c>, checked, and the Temporal visibility query they make. Values never reach the
/// query as typed: outcomes come from a fixed list, booleans and times are re-formatted, and the merchant is refused
/// unless it is a plain keyword (no quotes, backslashes or control characters), so nothing can change the query's shape.
/// Every string still goes in as a quoted literal with its quotes doubled (<see cref="Literal"/>), the caller's name too.
/// </summary>
public sealed record CancellationListFilter(
    string? Outcome,
    bool? Escalated,
    bool? LateSuccess,
    string? Merchant,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int PageSize,
    byte[]? PageToken)
{
    public const int DefaultPageSize = 100;
    /// <summary>A page is one visibility call and one answer: 200 items are ~100 KB of JSON, and paging goes on from there.</summary>
    public const int MaxPageSize = 200;
    public const int MaxPageTokenLength = 4096;

    /// <summary>The outcomes a filter may ask for (docs/design.md's list).</summary>
    public static IReadOnlyList<string> Outcomes { get; } =
    [
        CancelOutcomes.Cancelled, CancelOutcomes.AlreadyCancelled, CancelOutcomes.NotCancellable, CancelOutcomes.Rejected,
        CancelOutcomes.Escalated, CancelOutcomes.Resolved, CancelOutcomes.InvalidRequest,
        CancelOutcomes.Refunded, CancelOutcomes.RefundFailed, CancelOutcomes.RefundPending, CancelOutcomes.NotRefundable,
    ];

    /// <summary>The filter, or field errors.</summary>
    public static (CancellationListFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? outcome, string? escalated, string? lateSuccess, string? merchant, string? from, string? to, string? pageSize, string? pageToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? knownOutcome = null;
        if (!string.IsNullOrEmpty(outcome))
        {
            knownOutcome = Outcomes.FirstOrDefault(o => o.Equals(outcome, StringComparison.OrdinalIgnoreCase));
            if (knownOutcome is null)
            {
                errors["outcome"] = [$"One of {string.Join(", ", Outcomes)}."];
            }
        }

        var escalatedValue = Bool(errors, "escalated", escalated);
        var lateSuccessValue = Bool(errors, "lateSuccess", lateSuccess);
        string? merchantValue = null;
        if (!string.IsNullOrEmpty(merchant))
        {
            if (merchant.Length > StartCancellationValidation.MaxMerchantLength || !StartCancellationValidation.IsSearchable(merchant))
            {
                errors["merchant"] = [$"At most {StartCancellationValidation.MaxMerchantLength} characters, without quotes, backslashes or control characters."];
            }
            else
            {
                merchantValue = merchant;
            }
        }

        var fromValue = Time(errors, "from", from);
        var toValue = Time(errors, "to", to);
        if (fromValue is not null && toValue is not null && fromValue >= toValue)
        {
            errors["to"] = ["Must be later than from."];
        }

        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize)
            && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors["pageSize"] = [$"A whole number from 1 to {MaxPageSize}."];
        }

        var token = Token(errors, pageToken);
        return errors.Count > 0
            ? (null, errors)
            : (new(knownOutcome, escalatedValue, lateSuccessValue, merchantValue, fromValue, toValue, size, token), errors);
    }

    /// <summary>The visibility query: always this workflow type, then only the cancellations <paramref name="startedBy"/>
    /// started when it is given (a plain caller's listing), then each filter that is set.</summary>
    public string ToVisibilityQuery(string? startedBy)
    {
        var query = new StringBuilder($"WorkflowType = {Literal(TemporalNames.CancelPaymentWorkflow)}");
        if (startedBy is not null)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CancelSearchAttributes.RequestedBy.Name} = {Literal(startedBy)}");
        }

        if (Outcome is not null)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CancelSearchAttributes.CancelOutcome.Name} = {Literal(Outcome)}");
        }

        AppendBool(query, CancelSearchAttributes.Escalated.Name, Escalated);
        AppendBool(query, CancelSearchAttributes.LateSuccess.Name, LateSuccess);
        if (Merchant is not null)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {CancelSearchAttributes.Merchant.Name} = {Literal(Merchant)}");
        }

        if (From is { } from)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND StartTime >= '{Rfc3339(from)}'");
        }

        if (To is { } to)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND StartTime < '{Rfc3339(to)}'");
        }

        return query.ToString();
    }

    /// <summary>
    /// A string literal of Temporal's visibility language: single quotes, a quote inside doubled (its parser reads
    /// <c>''</c> as one quote). Backslashes and control characters are never given here (filters refuse them, caller names
    /// are refused at start): visibility stores read backslashes differently, so no escape for them works everywhere.
    /// </summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\\', StringComparison.Ordinal) || value.Any(char.IsControl))
        {
            throw new ArgumentException("A visibility literal cannot hold backslashes or control characters.", nameof(value));
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string EncodePageToken(byte[]? token) =>
        token is { Length: > 0 } ? Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_') : string.Empty;

    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A flag that is only ever set to true: false means "false or never set".</summary>
    private static void AppendBool(StringBuilder query, string name, bool? value)
    {
        if (value == true)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND {name} = true");
        }
        else if (value == false)
        {
            query.Append(CultureInfo.InvariantCulture, $" AND ({name} = false OR {name} IS NULL)");
        }
    }

    private static bool? Bool(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = ["true or false."];
        return null;
    }

    private static DateTimeOffset? Time(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[field] = ["An ISO-8601 date or time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z."];
        return null;
    }

    private static byte[]? Token(Dictionary<string, string[]> errors, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length <= MaxPageTokenLength)
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            try
            {
                var bytes = Convert.FromBase64String(base64);
                if (bytes.Length > 0)
                {
                    return bytes;
                }
            }
            catch (FormatException)
            {
                // Reported below.
            }
        }

        errors["pageToken"] = ["Not a page token from this API (pass nextPageToken as it came)."];
        return null;
    }
}
