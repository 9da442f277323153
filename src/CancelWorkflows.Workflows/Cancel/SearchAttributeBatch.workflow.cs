using Temporalio.Workflows;

namespace CancelWorkflows.Workflows.Cancel;

/// <summary>
/// Search-attribute updates of one cancellation, sent as one upsert command where a workflow task would otherwise send
/// several. Each upsert is a history event and a visibility write on the server; on the happy path the eligibility
/// facts, the attempt count and the outcome went out as three (about a third of the gap to a bare workflow in the P1/P2
/// benchmarks). Staged updates are flushed before every long wait (U-retry timer, escalation, watch window), so Temporal
/// Web is never behind by more than the current workflow task.
/// </summary>
/// <remarks>Gated by <see cref="PatchId"/>: runs that started before it replay with one upsert per call, as recorded
/// (histories Histories/*.json; the batched path: Histories/batched-*.json). While the patch stands the SDK records
/// it with a marker and its own <c>TemporalChangeVersion</c> upsert, so the happy path sends two upserts instead of three;
/// once no run older than the patch is open, <c>Workflow.DeprecatePatch</c> and then removing the gate leaves one. "No run
/// older than the patch" is not the watch window alone (an escalated run stays open until support resolves it): check
/// <c>temporal workflow count --query "WorkflowType = 'CancelPaymentWorkflow' AND ExecutionStatus = 'Running' AND
/// StartTime &lt; '&lt;deploy time, RFC 3339&gt;'"</c> says 0 (temporal-config/README.md; <see cref="CancelPatches"/>).</remarks>
public sealed class SearchAttributeBatch
{
    public const string PatchId = "batch-search-attribute-upserts";

    private readonly List<SearchAttributeUpdate> staged = [];
    private bool batching;

    /// <summary>Decides, once per run and at the same point of every run, whether this run batches. A run on a path that
    /// includes batching (<paramref name="included"/>, <see cref="CancelPatches.CloseAtOutcome"/>) asks no patch.</summary>
    public void Begin(bool included = false) => batching = included || Workflow.Patched(PatchId);

    /// <summary>Staged until <see cref="Flush"/> when batching; sent at once otherwise.</summary>
    public void Upsert(params SearchAttributeUpdate[] updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (!batching)
        {
            WorkflowStory.Upsert(updates);
            return;
        }

        foreach (var update in updates)
        {
            // The later value of an attribute wins, as it would have with separate upserts.
            staged.RemoveAll(s => s.UntypedKey.Name == update.UntypedKey.Name);
            staged.Add(update);
        }
    }

    /// <summary>Sends what is staged as one upsert.</summary>
    public void Flush()
    {
        if (staged.Count == 0)
        {
            return;
        }

        WorkflowStory.Upsert([.. staged]);
        staged.Clear();
    }
}
