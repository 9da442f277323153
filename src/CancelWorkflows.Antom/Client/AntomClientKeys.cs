using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CancelWorkflows.Antom.Signing;

namespace CancelWorkflows.Antom.Client;

/// <summary>
/// An RSA key used by many threads. OpenSSL allows concurrent use of an unchanged key, but .NET does not promise it for
/// <see cref="RSA"/>, so operations are serialised: one 2048-bit signature costs about a millisecond, far below the
/// call rate an orchestrator of cancellations produces.
/// </summary>
internal sealed class SharedRsa(RSA rsa)
{
    private readonly Lock gate = new();

    public string SignHeader(string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        lock (gate)
        {
            return AntomSignature.SignHeader(rsa, path, clientId, time, body);
        }
    }

    public bool Verify(string path, string clientId, string time, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        lock (gate)
        {
            return AntomSignature.Verify(rsa, path, clientId, time, body, signatureHeader);
        }
    }
}

/// <summary>The merchant's private key and Antom's public key (two during a rotation), loaded once per options instance.</summary>
internal sealed class AntomClientKeys
{
    // Keyed by the options object: IOptions<T> hands out one instance for the life of the container, while the typed
    // HttpClient (and so AntomClient) is transient. A failed load is cached too: a bad key does not get better by retrying.
    private static readonly ConditionalWeakTable<AntomClientOptions, Lazy<AntomClientKeys>> Cache = new();

    private AntomClientKeys(SharedRsa merchantPrivate, IReadOnlyList<SharedRsa> antomPublic)
    {
        MerchantPrivate = merchantPrivate;
        AntomPublic = antomPublic;
    }

    public SharedRsa MerchantPrivate { get; }

    /// <summary>Antom's current public key, then the next one while a rotation is configured.</summary>
    public IReadOnlyList<SharedRsa> AntomPublic { get; }

    /// <summary>True when any of Antom's configured public keys verifies the signature.</summary>
    public bool VerifiedByAntom(string path, string clientId, string time, ReadOnlySpan<byte> body, string? signatureHeader)
    {
        foreach (var key in AntomPublic)
        {
            if (key.Verify(path, clientId, time, body, signatureHeader))
            {
                return true;
            }
        }

        return false;
    }

    public static AntomClientKeys For(AntomClientOptions options) =>
        Cache.GetValue(options, static o => new Lazy<AntomClientKeys>(() => Load(o), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static AntomClientKeys Load(AntomClientOptions options)
    {
        var merchant = LoadMerchantPrivateKey(options, AntomClientOptions.SectionName);
        return new AntomClientKeys(
            new SharedRsa(merchant),
            [.. LoadAntomPublicKeys(options, AntomClientOptions.SectionName).Select(static key => new SharedRsa(key))]);
    }

    /// <summary>Antom's public key, and the next one when a rotation is configured (optional; when set it must load).</summary>
    public static IReadOnlyList<RSA> LoadAntomPublicKeys(AntomClientOptions options, string section)
    {
        var current = LoadAntomPublicKey(options, section);
        if (string.IsNullOrWhiteSpace(options.AntomPublicKeyNextPath) && string.IsNullOrWhiteSpace(options.AntomPublicKeyNext))
        {
            return [current];
        }

        try
        {
            return [current, LoadAntomPublicKeyNext(options, section)];
        }
        catch
        {
            current.Dispose();
            throw;
        }
    }

    /// <summary>Antom's next public key during a rotation; the <see cref="AntomKeyException"/> names the setting.</summary>
    public static RSA LoadAntomPublicKeyNext(AntomClientOptions options, string section) =>
        LoadOne(
            options.AntomPublicKeyNextPath,
            options.AntomPublicKeyNext,
            $"{section}:{nameof(AntomClientOptions.AntomPublicKeyNextPath)}",
            $"{section}:{nameof(AntomClientOptions.AntomPublicKeyNext)}",
            "Antom's next RSA public key (key rotation)",
            AntomKeys.LoadPublicKeyFile,
            AntomKeys.LoadPublicKey);

    /// <summary>Loads the merchant key; the <see cref="AntomKeyException"/> names the setting, never the content.</summary>
    public static RSA LoadMerchantPrivateKey(AntomClientOptions options, string section) =>
        LoadOne(
            options.MerchantPrivateKeyPath,
            options.MerchantPrivateKey,
            $"{section}:{nameof(AntomClientOptions.MerchantPrivateKeyPath)}",
            $"{section}:{nameof(AntomClientOptions.MerchantPrivateKey)}",
            "the merchant's RSA private key",
            AntomKeys.LoadPrivateKeyFile,
            AntomKeys.LoadPrivateKey);

    /// <summary>Loads Antom's public key; the <see cref="AntomKeyException"/> names the setting, never the content.</summary>
    public static RSA LoadAntomPublicKey(AntomClientOptions options, string section) =>
        LoadOne(
            options.AntomPublicKeyPath,
            options.AntomPublicKey,
            $"{section}:{nameof(AntomClientOptions.AntomPublicKeyPath)}",
            $"{section}:{nameof(AntomClientOptions.AntomPublicKey)}",
            "Antom's RSA public key",
            AntomKeys.LoadPublicKeyFile,
            AntomKeys.LoadPublicKey);

    private static RSA LoadOne(
        string? path,
        string? inline,
        string pathSetting,
        string inlineSetting,
        string what,
        Func<string, RSA> fromFile,
        Func<string, RSA> fromText)
    {
        var hasPath = !string.IsNullOrWhiteSpace(path);
        var hasInline = !string.IsNullOrWhiteSpace(inline);
        if (hasPath && hasInline)
        {
            throw new AntomKeyException($"{pathSetting} and {inlineSetting} are both set; set exactly one ({what}).");
        }

        if (!hasPath && !hasInline)
        {
            throw new AntomKeyException($"{pathSetting} (or {inlineSetting}) is required: {what}.");
        }

        try
        {
            return hasPath ? fromFile(path!) : fromText(inline!);
        }
        catch (AntomKeyException e)
        {
            // AntomKeys' messages carry a path at most, never key material.
            throw new AntomKeyException($"{(hasPath ? pathSetting : inlineSetting)}: {e.Message}", e);
        }
    }
}
