using System.Collections.Concurrent;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;
using Microsoft.Extensions.Logging;

namespace CancelWorkflows.AntomSimulator;

/// <summary>
/// The simulator's ("Antom's") private key, which signs answers and notifications, and the trusted merchants' public keys,
/// which verify requests. RSA objects are not promised to be thread-safe, so each key's operations are serialised.
/// </summary>
internal sealed class SimulatorKeys : IDisposable
{
    public const string PrivateKeyFile = "antom-private.pem";
    public const string PublicKeyFile = "antom-public.pem";

    private readonly RSA antomPrivate;
    private readonly Lock signGate = new();
    private readonly ConcurrentDictionary<string, MerchantKey> merchants = new(StringComparer.Ordinal);
    private readonly PaymentBook book;

    public SimulatorKeys(SimulatorOptions options, PaymentBook book, ILogger<SimulatorKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.book = book;
        antomPrivate = LoadAntomKey(options, logger);
        AntomPublicPem = AntomKeys.ExportPublicPem(antomPrivate);

        // Registered through the control API earlier (persisted with the book), then configuration, which wins.
        foreach (var (clientId, pem) in book.RegisteredMerchants)
        {
            if (TryLoadPublic(pem, out var rsa, out _))
            {
                merchants[clientId] = new MerchantKey(rsa);
            }
        }

        foreach (var (clientId, value) in options.Merchants)
        {
            var pem = !value.Contains("-----BEGIN", StringComparison.Ordinal) && File.Exists(value) ? File.ReadAllText(value) : value;
            if (!TryLoadPublic(pem, out var rsa, out var error))
            {
                throw new InvalidOperationException($"Simulator:Merchants:{clientId}: {error}");
            }

            merchants[clientId] = new MerchantKey(rsa);
        }
    }

    public string AntomPublicPem { get; }

    public IReadOnlyList<string> MerchantIds => [.. merchants.Keys.Order(StringComparer.Ordinal)];

    public bool IsTrusted(string clientId) => merchants.ContainsKey(clientId);

    /// <summary>The full <c>signature</c> header value over <c>POST path\nclientId.time.body</c> with the Antom key.</summary>
    public string Sign(string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        lock (signGate)
        {
            return AntomSignature.SignHeader(antomPrivate, path, clientId, time, body);
        }
    }

    /// <summary>A well-formed signature that does not verify (the badSignature fault): it signs other content.</summary>
    public string SignWrongly(string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        var other = new byte[body.Length + 1];
        body.CopyTo(other);
        other[^1] = (byte)' ';
        return Sign(path, clientId, time, other);
    }

    public bool Verify(string clientId, string path, string time, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (!merchants.TryGetValue(clientId, out var key))
        {
            return false;
        }

        lock (key.Gate)
        {
            return AntomSignature.Verify(key.Rsa, path, clientId, time, body, signatureHeader);
        }
    }

    /// <summary>Trusts (or replaces) a merchant key; null on success, else why the key was refused (nothing changed).</summary>
    public string? Register(string clientId, string pem)
    {
        if (!TryLoadPublic(pem, out var rsa, out var error))
        {
            return error;
        }

        merchants[clientId] = new MerchantKey(rsa);
        book.RegisterMerchant(clientId, pem);
        return null;
    }

    public void Dispose()
    {
        antomPrivate.Dispose();
        foreach (var key in merchants.Values)
        {
            key.Rsa.Dispose();
        }
    }

    private static bool TryLoadPublic(string pem, out RSA rsa, out string error)
    {
        rsa = null!;
        if (string.IsNullOrWhiteSpace(pem))
        {
            error = "publicKeyPem is empty.";
            return false;
        }

        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            error = "that is a private key; send the merchant's PUBLIC key (PEM SPKI).";
            return false;
        }

        try
        {
            rsa = AntomKeys.LoadPublicKey(pem);
        }
        catch (AntomKeyException e)
        {
            error = e.Message;
            return false;
        }

        if (rsa.KeySize < 1024)
        {
            rsa.Dispose();
            error = $"the key has {rsa.KeySize} bits; at least 1024 (Antom uses 2048).";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static RSA LoadAntomKey(SimulatorOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.AntomPrivateKeyPem))
        {
            return AntomKeys.LoadPrivateKey(options.AntomPrivateKeyPem);
        }

        if (!string.IsNullOrWhiteSpace(options.AntomPrivateKeyPath))
        {
            return AntomKeys.LoadPrivateKeyFile(options.AntomPrivateKeyPath);
        }

        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            return AntomKeys.Generate();
        }

        // Keep a generated key with the book: a restart on the same data folder must sign with the same key.
        var dir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dir);
        var privatePath = Path.Combine(dir, PrivateKeyFile);
        if (File.Exists(privatePath))
        {
            return AntomKeys.LoadPrivateKeyFile(privatePath);
        }

        var rsa = AntomKeys.Generate();
        WriteAtomically(privatePath, AntomKeys.ExportPrivatePem(rsa), secret: true);
        WriteAtomically(Path.Combine(dir, PublicKeyFile), AntomKeys.ExportPublicPem(rsa), secret: false);
        logger.LogInformation("Generated the simulator's Antom key pair in {Dir}", dir);
        return rsa;
    }

    private static void WriteAtomically(string path, string text, bool secret)
    {
        var temp = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllText(temp, text);
        if (secret && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }

    private sealed record MerchantKey(RSA Rsa)
    {
        public Lock Gate { get; } = new();
    }
}
