using CancelWorkflows.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Client.Schedules;
using Temporalio.Converters;
using Temporalio.Exceptions;

namespace CancelWorkflows.Service.Promotions;

/// <summary>The promotions' schedules on Temporal: create, compare, update, read, pause, resume, trigger, delete.</summary>
public sealed class PromotionScheduler(ITemporalClient client, PromotionScheduleFactory factory)
{
    public const string SchedulePrefix = "promo-expiry-";

    /// <summary>What a create found: a new schedule, or the one that was there (with its definition).</summary>
    public sealed record CreateResult(bool Created, ScheduleDescription Description, PromotionDefinition? Existing);

    public ScheduleHandle Handle(string promoId) => client.GetScheduleHandle(TemporalNames.PromoSchedule(promoId));

    /// <summary>The schedule, or null when there is none.</summary>
    public async Task<ScheduleDescription?> DescribeAsync(string promoId, CancellationToken cancellationToken)
    {
        try
        {
            return await Handle(promoId).DescribeAsync(Rpc(cancellationToken));
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the schedule; when one exists (also when another call made it a moment ago), answers that one.</summary>
    public async Task<CreateResult> CreateAsync(PromotionDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            var handle = await client.CreateScheduleAsync(
                TemporalNames.PromoSchedule(definition.PromoId),
                factory.Create(definition),
                new ScheduleOptions { Rpc = Rpc(cancellationToken) });
            return new(true, await handle.DescribeAsync(Rpc(cancellationToken)), null);
        }
        catch (ScheduleAlreadyRunningException)
        {
            var existing = await Handle(definition.PromoId).DescribeAsync(Rpc(cancellationToken));
            return new(false, existing, await DefinitionOfAsync(existing));
        }
    }

    /// <summary>Replaces the spec, action and policy; keeps the state (paused or not, and why).</summary>
    public async Task<ScheduleDescription> UpdateAsync(PromotionDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var handle = Handle(definition.PromoId);
        await handle.UpdateAsync(
            input => new ScheduleUpdate(factory.Create(definition, input.Description.Schedule.State)),
            Rpc(cancellationToken));
        return await handle.DescribeAsync(Rpc(cancellationToken));
    }

    /// <summary>The promotion's definition kept in the start action's memo; null for a schedule not made by this API.</summary>
    public static async Task<PromotionDefinition?> DefinitionOfAsync(ScheduleDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (description.Schedule.Action is ScheduleActionStartWorkflow { Options.Memo: { } memo }
            && memo.TryGetValue(PromotionScheduleFactory.DefinitionMemoKey, out var value)
            && value is IEncodedRawValue raw)
        {
            return await raw.ToValueAsync<PromotionDefinition>();
        }

        return null;
    }

    /// <summary>Promotion schedules (id <c>promo-expiry-…</c>), at most <paramref name="limit"/>. Visibility is eventually
    /// consistent: a schedule made a moment ago may be missing for a second.</summary>
    public async Task<IReadOnlyList<ScheduleListDescription>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var found = new List<ScheduleListDescription>();
        await foreach (var schedule in client.ListSchedulesAsync(new ScheduleListOptions { Rpc = Rpc(cancellationToken) }).WithCancellation(cancellationToken))
        {
            if (schedule.Id.StartsWith(SchedulePrefix, StringComparison.Ordinal))
            {
                found.Add(schedule);
                if (found.Count >= limit)
                {
                    break;
                }
            }
        }

        return found;
    }

    public Task PauseAsync(string promoId, string note, CancellationToken cancellationToken) =>
        Handle(promoId).PauseAsync(note, Rpc(cancellationToken));

    public Task ResumeAsync(string promoId, string note, CancellationToken cancellationToken) =>
        Handle(promoId).UnpauseAsync(note, Rpc(cancellationToken));

    /// <summary>Starts a run now (also when paused). With a run in progress Temporal would skip it (overlap Skip).</summary>
    public Task TriggerAsync(string promoId, CancellationToken cancellationToken) =>
        Handle(promoId).TriggerAsync(new ScheduleTriggerOptions { Overlap = ScheduleOverlapPolicy.Skip, Rpc = Rpc(cancellationToken) });

    /// <summary>Deletes the schedule. A run in progress goes on (its holds are cancelled); no new run starts.</summary>
    public Task DeleteAsync(string promoId, CancellationToken cancellationToken) =>
        Handle(promoId).DeleteAsync(Rpc(cancellationToken));

    private static RpcOptions Rpc(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };
}
