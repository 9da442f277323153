namespace CancelWorkflows.Service.Api;

/// <summary>What a start found.</summary>
public enum StartVerdict
{
    /// <summary>This request started the workflow.</summary>
    Created,

    /// <summary>An earlier request with the same Idempotency-Key and body started it: answered as that one was.</summary>
    Replayed,

    /// <summary>This caller's cancellation of this payment already existed (another request, another key or none): it is the answer.</summary>
    Existing,

    /// <summary>Another caller's cancellation of this payment exists (or one started outside the API): the answer for an
    /// operator, a 409 that says nothing of it for anyone else.</summary>
    AnotherCaller,

    /// <summary>This payment id's cancellation exists for another Antom merchant (ids are unique per merchant only): not
    /// this payment's, so not the answer and nothing started (409).</summary>
    AnotherMerchant,

    /// <summary>The Idempotency-Key was used before for this payment with a different body: refused (422).</summary>
    KeyReused,
}
