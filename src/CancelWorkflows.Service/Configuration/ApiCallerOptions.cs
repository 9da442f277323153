namespace CancelWorkflows.Service.Configuration;

/// <summary>One caller's entry under <c>Api:Callers:&lt;caller&gt;</c>, as far as the API reads it.</summary>
public sealed class ApiCallerOptions
{
    /// <summary>
    /// <c>Api:Callers:&lt;caller&gt;:Roles</c> (a list: <c>Api__Callers__support__Roles__0=operator</c>): <c>caller</c>,
    /// <c>operator</c>, <c>promotions</c>. None means a plain caller.
    /// </summary>
    public List<string> Roles { get; set; } = [];

    /// <summary><c>Api:Callers:&lt;caller&gt;:AntomMerchant</c>: the Antom merchant this caller's cancellations go out as
    /// when a start names none (a name under <c>Antom:Merchants</c>, or <c>Antom:MerchantName</c>). Unset: the default merchant.</summary>
    public string? AntomMerchant { get; set; }

    /// <summary><c>Api:Callers:&lt;caller&gt;:Fallback</c>: <c>refund</c> or <c>none</c> when a start says nothing; before the
    /// merchant's own default.</summary>
    public string? Fallback { get; set; }
}
