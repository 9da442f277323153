using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CancelWorkflows.Antom.Wire;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.AntomSimulator;

/// <summary>One payment as stored (and persisted). Immutable: a change replaces the record under the payment's lock.</summary>
internal sealed record PaymentRecord
{
    public required string PaymentRequestId { get; init; }

    public required string PaymentId { get; init; }

    public string? Merchant { get; init; }

    public required string PaymentMethodType { get; init; }

    /// <summary>As last set; <see cref="SimCancelRules.EffectiveStatus"/> applies the 14-minute expiry.</summary>
    public required string Status { get; init; }

    public required AntomAmount Amount { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset? PaymentTime { get; init; }

    public bool Captured { get; init; }

    public bool Refunded { get; init; }

    public DateTimeOffset? CancelTime { get; init; }

    public int EffectiveCancels { get; init; }

    public IReadOnlyList<SimRefund> Refunds { get; init; } = [];

    /// <summary>Refund requests the rules refused, kept so that the same refundRequestId gets the same answer (RF1).</summary>
    public IReadOnlyList<SimRefundRejection> RejectedRefunds { get; init; } = [];

    /// <summary><see cref="SimRefundModes"/>: how refund API calls complete.</summary>
    public string RefundMode { get; init; } = SimRefundModes.Sync;

    public IReadOnlyList<SimCall> Calls { get; init; } = [];

    public const int MaxCalls = 1000;

    public PaymentRecord WithCall(SimCall call)
    {
        var calls = new List<SimCall>(Math.Min(Calls.Count + 1, MaxCalls));
        calls.AddRange(Calls.Count >= MaxCalls ? Calls.Skip(Calls.Count - MaxCalls + 1) : Calls);
        calls.Add(call);
        return this with { Calls = calls };
    }

    public PaymentRecord WithRefund(SimRefund refund) => this with { Refunds = [.. Refunds, refund] };

    public PaymentRecord WithRejectedRefund(SimRefundRejection rejection) => this with { RejectedRefunds = [.. RejectedRefunds, rejection] };
}

/// <summary>A fault waiting for calls, with how many calls it still applies to.</summary>
internal sealed class QueuedFault(SimFault fault)
{
    public SimFault Fault { get; } = fault;

    public int Remaining { get; set; } = fault.Count ?? 1;

    public SimFault View() => Fault with { Count = Remaining };
}

/// <summary>A payment with its lock. <see cref="Record"/>, <see cref="Faults"/> and <see cref="Deliveries"/> are guarded by <see cref="Gate"/>.</summary>
internal sealed class PaymentEntry(PaymentRecord record)
{
    public Lock Gate { get; } = new();

    public PaymentRecord Record { get; set; } = record;

    public List<QueuedFault> Faults { get; } = [];

    public List<DeliveryState> Deliveries { get; } = [];

    /// <summary>Takes one use of the first queued fault that applies to <paramref name="api"/>.</summary>
    public SimFault? TakeFault(string api)
    {
        lock (Gate)
        {
            var queued = Faults.FirstOrDefault(f => f.Fault.Api == FaultKinds.AnyApi || f.Fault.Api == api);
            if (queued is null)
            {
                return null;
            }

            queued.Remaining--;
            if (queued.Remaining <= 0)
            {
                Faults.Remove(queued);
            }

            return queued.Fault;
        }
    }

    public SimPaymentView View(DateTimeOffset now)
    {
        lock (Gate)
        {
            var r = Record;
            return new SimPaymentView(
                r.PaymentRequestId,
                r.PaymentId,
                r.Merchant,
                r.PaymentMethodType,
                SimCancelRules.EffectiveStatus(r, now),
                r.Status,
                r.Amount,
                r.CreateTime,
                r.PaymentTime,
                r.Captured,
                r.Refunded,
                r.CancelTime,
                r.EffectiveCancels,
                r.RefundMode,
                r.Refunds.Count(f => f.Reason == SimRefundReasons.Api),
                SimRefundRules.RefundedTotal(r),
                r.Refunds,
                r.RejectedRefunds,
                [.. Faults.Select(f => f.View())],
                r.Calls,
                [.. Deliveries.Select(d => d.View())]);
        }
    }
}

/// <summary>
/// All payments, indexed by paymentRequestId, paymentId and refund ids. Each payment has its own lock; creating or
/// replacing one takes a book-wide lock. With a data folder every change is written before the call that made it is
/// answered: the whole book, to a temp file that is then renamed over the old one (atomic on one file system).
/// </summary>
internal sealed class PaymentBook
{
    public const string FileName = "simulator-book.json";

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly ConcurrentDictionary<string, PaymentEntry> byRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byPaymentId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byRefundId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byRefundRequestId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> registeredMerchants = new(StringComparer.Ordinal);
    private readonly Lock structureGate = new();
    private readonly Lock saveGate = new();
    private readonly string? file;
    private readonly ILogger<PaymentBook> logger;
    private long version;
    private long savedVersion;

    public PaymentBook(SimulatorOptions options, ILogger<PaymentBook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        if (!string.IsNullOrWhiteSpace(options.DataDir))
        {
            Directory.CreateDirectory(options.DataDir);
            file = Path.Combine(Path.GetFullPath(options.DataDir), FileName);
            Load();
        }
    }

    /// <summary>Where the book is kept, or null (in memory only).</summary>
    public string? FilePath => file;

    /// <summary>Merchants registered through the control API (persisted with the book).</summary>
    public IReadOnlyDictionary<string, string> RegisteredMerchants => registeredMerchants;

    public PaymentEntry? Find(string paymentRequestId) =>
        byRequestId.TryGetValue(paymentRequestId, out var e) ? e : null;

    public PaymentEntry? FindByPaymentId(string paymentId) =>
        byPaymentId.TryGetValue(paymentId, out var prid) && byRequestId.TryGetValue(prid, out var e) && e.Record.PaymentId == paymentId ? e : null;

    /// <summary>Antom's lookup rule: <c>paymentId</c> wins when both are given (docs/antom-api.md §1, §2).</summary>
    public PaymentEntry? Resolve(string? paymentId, string? paymentRequestId) =>
        !string.IsNullOrEmpty(paymentId) ? FindByPaymentId(paymentId)
        : !string.IsNullOrEmpty(paymentRequestId) ? Find(paymentRequestId)
        : null;

    /// <summary>Finds a refund; <c>refundId</c> wins when both are given (docs/antom-api.md §3).</summary>
    public PaymentEntry? ResolveRefund(string? refundId, string? refundRequestId, out SimRefund? refund)
    {
        refund = null;
        var byId = !string.IsNullOrEmpty(refundId);
        if (!(byId ? byRefundId.TryGetValue(refundId!, out var prid) : !string.IsNullOrEmpty(refundRequestId) && byRefundRequestId.TryGetValue(refundRequestId, out prid))
            || Find(prid) is not { } entry)
        {
            return null;
        }

        lock (entry.Gate)
        {
            refund = entry.Record.Refunds.LastOrDefault(r => byId ? r.RefundId == refundId : r.RefundRequestId == refundRequestId);
        }

        return refund is null ? null : entry;
    }

    /// <summary>The paymentRequestId of the payment a refundRequestId was used for (a refund or a refused request), or null.</summary>
    public string? RefundRequestOwner(string refundRequestId) =>
        byRefundRequestId.TryGetValue(refundRequestId, out var prid) ? prid : null;

    public IReadOnlyList<PaymentEntry> All() => [.. byRequestId.Values.OrderBy(e => e.Record.PaymentRequestId, StringComparer.Ordinal)];

    /// <summary>Creates or replaces a payment. Returns an error (nothing changed) when the paymentId belongs to another payment.</summary>
    public string? Put(string paymentRequestId, string? requestedPaymentId, DateTimeOffset now, Func<string, PaymentRecord> build, out PaymentEntry? entry)
    {
        long v;
        lock (structureGate)
        {
            var existing = Find(paymentRequestId);
            var paymentId = requestedPaymentId ?? existing?.Record.PaymentId ?? NewAntomId(now);
            if (byPaymentId.TryGetValue(paymentId, out var owner) && owner != paymentRequestId)
            {
                entry = null;
                return $"paymentId '{paymentId}' already belongs to payment '{owner}'.";
            }

            var record = build(paymentId);
            if (existing is null)
            {
                entry = new PaymentEntry(record);
                byRequestId[paymentRequestId] = entry;
            }
            else
            {
                entry = existing;
                lock (existing.Gate)
                {
                    if (existing.Record.PaymentId != paymentId)
                    {
                        byPaymentId.TryRemove(existing.Record.PaymentId, out _);
                    }

                    existing.Record = record;
                }
            }

            byPaymentId[paymentId] = paymentRequestId;
            IndexRefunds(record);
            v = Interlocked.Increment(ref version);
        }

        Save(v);
        return null;
    }

    /// <summary>Applies <paramref name="change"/> under the payment's lock; a new record is stored and persisted before this returns.</summary>
    public T Update<T>(PaymentEntry entry, Func<PaymentRecord, (PaymentRecord Next, T Result)> change)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(change);
        T result;
        long v = 0;
        lock (entry.Gate)
        {
            var (next, r) = change(entry.Record);
            result = r;
            if (!ReferenceEquals(next, entry.Record))
            {
                entry.Record = next;
                IndexRefunds(next);
                v = Interlocked.Increment(ref version);
            }
        }

        if (v > 0)
        {
            Save(v);
        }

        return result;
    }

    public void RegisterMerchant(string clientId, string publicKeyPem)
    {
        registeredMerchants[clientId] = publicKeyPem;
        Save(Interlocked.Increment(ref version));
    }

    /// <summary>An id in Antom's style: the UTC+8 timestamp, then random digits (28 characters).</summary>
    public static string NewAntomId(DateTimeOffset now)
    {
        var sb = new StringBuilder(now.ToOffset(AntomTime.Utc8).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), 28);
        for (var i = 0; i < 14; i++)
        {
            sb.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        }

        return sb.ToString();
    }

    private void IndexRefunds(PaymentRecord record)
    {
        foreach (var refund in record.Refunds)
        {
            byRefundId[refund.RefundId] = record.PaymentRequestId;
            byRefundRequestId[refund.RefundRequestId] = record.PaymentRequestId;
        }

        foreach (var rejection in record.RejectedRefunds)
        {
            byRefundRequestId.TryAdd(rejection.RefundRequestId, record.PaymentRequestId);
        }
    }

    private void Save(long upTo)
    {
        if (file is null)
        {
            return;
        }

        lock (saveGate)
        {
            if (savedVersion >= upTo)
            {
                return; // a later snapshot already contains this change
            }

            var v = Interlocked.Read(ref version);
            var payments = new List<PaymentRecord>();
            foreach (var entry in byRequestId.Values)
            {
                lock (entry.Gate)
                {
                    payments.Add(entry.Record);
                }
            }

            payments.Sort((a, b) => string.CompareOrdinal(a.PaymentRequestId, b.PaymentRequestId));
            var merchants = new SortedDictionary<string, string>(registeredMerchants, StringComparer.Ordinal);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new BookFile(1, payments, merchants), FileJson);
            var temp = $"{file}.tmp-{Environment.ProcessId}";
            try
            {
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, file, overwrite: true);
                savedVersion = v;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogError(e, "Could not write the payment book to {File}; the change is kept in memory only", file);
            }
        }
    }

    private void Load()
    {
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(file)!, FileName + ".tmp-*"))
        {
            File.Delete(stale); // an interrupted write; the last complete book is the renamed one
        }

        if (!File.Exists(file))
        {
            return;
        }

        BookFile? book;
        try
        {
            book = JsonSerializer.Deserialize<BookFile>(File.ReadAllBytes(file!), FileJson);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The simulator's payment book {file} is not readable JSON; move it away to start empty.", e);
        }

        foreach (var record in book?.Payments ?? [])
        {
            byRequestId[record.PaymentRequestId] = new PaymentEntry(record);
            byPaymentId[record.PaymentId] = record.PaymentRequestId;
            IndexRefunds(record);
        }

        foreach (var (clientId, pem) in book?.Merchants ?? new SortedDictionary<string, string>())
        {
            registeredMerchants[clientId] = pem;
        }

        logger.LogInformation("Loaded {Count} payments from {File}", byRequestId.Count, file);
    }

    private sealed record BookFile(int Version, List<PaymentRecord> Payments, SortedDictionary<string, string> Merchants);
}
