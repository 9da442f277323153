using CancelWorkflows.Workflows.Activities;
using CancelWorkflows.Workflows.Outbound;
using Microsoft.Extensions.Options;

namespace CancelWorkflows.Service.Outbound;

/// <summary>
/// What the API can know about a caller's <c>callbackUrl</c> at start: user information, a literal address in a refused
/// range, a name that always leads inward (<c>localhost</c>, cloud metadata names), a host that is not among the caller's
/// <c>Api:Callers:&lt;caller&gt;:CallbackHosts</c>. Such a start is a 400 and nothing is started; a name that resolves
/// inward is only found where the callback connects (a recorded, non-retried failure).
/// </summary>
public sealed class CallbackUrlPolicy(IOptions<CallbackSigningOptions> callers, IOptions<OutboundOptions> outbound)
{
    /// <summary>Null when <paramref name="callbackUrl"/> may be given by <paramref name="caller"/>; else the message for the
    /// caller (it names no address).</summary>
    public string? Problem(string? callbackUrl, string caller)
    {
        if (string.IsNullOrWhiteSpace(callbackUrl))
        {
            return null;
        }

        var hosts = callers.Value.CallbackHostsFor(caller);
        var refusal = OutboundUrl.Check(callbackUrl.Trim(), new OutboundAllowance(outbound.Value.AllowLoopback, PrivateNetwork: hosts is not null), hosts);
        return refusal is null ? null : $"Not called: {refusal.Message}.";
    }
}
