using CancelWorkflows.Workflows;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;

namespace CancelWorkflows.DevMode;

/// <summary>
/// Makes sure the project's search attributes exist on the dev server, adding only the missing ones. Registering at
/// dev-server start (<c>--search-attribute</c>) is done on first start only: on a kept database the attributes are
/// already there, and whether a CLI accepts registering them again differs between CLI versions. This check also adds
/// attributes that were added to temporal-config/search-attributes.txt since the database was made.
/// </summary>
public static class DevSearchAttributes
{
    public static async Task<IReadOnlyList<string>> EnsureAsync(ITemporalClient client, string @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rpc = new RpcOptions { CancellationToken = cancellationToken };
        var existing = await client.OperatorService.ListSearchAttributesAsync(new ListSearchAttributesRequest { Namespace = @namespace }, rpc);
        var missing = CancelSearchAttributes.Definitions
            .Where(d => !existing.CustomAttributes.ContainsKey(d.Name))
            .ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var request = new AddSearchAttributesRequest { Namespace = @namespace };
        foreach (var (name, type) in missing)
        {
            request.SearchAttributes[name] = CancelSearchAttributes.ToIndexedValueType(type);
        }

        await client.OperatorService.AddSearchAttributesAsync(request, rpc);
        return [.. missing.Select(d => d.Name)];
    }
}
