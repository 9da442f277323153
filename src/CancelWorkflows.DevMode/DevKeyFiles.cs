namespace CancelWorkflows.DevMode;

/// <summary>The key files in <c>&lt;data&gt;/keys</c> (names fixed by docs/design.md).</summary>
public sealed record DevKeyFiles(string Directory)
{
    public string MerchantPrivate => Path.Combine(Directory, "merchant-private.pem");

    public string MerchantPublic => Path.Combine(Directory, "merchant-public.pem");

    /// <summary>Dev mode's second merchant (<see cref="DevModeSetup.SecondMerchantName"/>): its own pair, as another brand's
    /// Antom account has.</summary>
    public string SecondMerchantPrivate => Path.Combine(Directory, "merchant-b-private.pem");

    public string SecondMerchantPublic => Path.Combine(Directory, "merchant-b-public.pem");

    public string AntomPrivate => Path.Combine(Directory, "antom-private.pem");

    public string AntomPublic => Path.Combine(Directory, "antom-public.pem");

    public string DevApiKey => Path.Combine(Directory, "dev-api-key");
}
